package io.github.yeastarsdk.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.yeastarsdk.ConferenceListParams;
import io.github.yeastarsdk.RequestOptions;
import io.github.yeastarsdk.SdkHooks;
import io.github.yeastarsdk.YeastarClient;
import io.github.yeastarsdk.errors.TransportException;
import io.github.yeastarsdk.errors.YeastarException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How many requests a call makes against the PBX simulator's connection reset ({@code Prefer:
 * fault=reset}), on a fresh connection and on one the pool kept from an earlier call: at most
 * {@code maxRetries + 1}, whatever the connection, since OkHttp's own retry is off. The requests
 * are counted as they leave the SDK, by an interceptor among its own.
 */
class SimulatorRetryIT {
  private static final ConferenceListParams FIRST =
      ConferenceListParams.builder().page(1).pageSize(5).build();
  private static final RequestOptions RESET =
      RequestOptions.builder().putHeader("Prefer", "fault=reset").build();

  private static SimulatorServer simulator;

  @BeforeAll
  static void start() {
    simulator = SimulatorServer.start(PrismExtension.projectRoot(), Map.of());
  }

  @AfterAll
  static void stop() {
    if (simulator != null) {
      simulator.close();
    }
  }

  @ParameterizedTest(name = "maxRetries {0}, pooled connection {1}: {2} requests")
  @CsvSource({"0, false, 1", "0, true, 1", "2, false, 3", "2, true, 3"})
  void aResetCallMakesAtMostMaxRetriesPlusOneRequests(
      int maxRetries, boolean pooled, int requests) {
    AtomicInteger resets = new AtomicInteger();
    YeastarClient.Builder builder =
        YeastarClient.builder()
            .baseUrl(simulator.baseUrl())
            .accessToken("retry-count-token")
            .maxRetries(maxRetries)
            .retryBackoff(Duration.ofMillis(1), Duration.ofMillis(5));
    SdkHooks.interceptor(
        builder,
        chain -> {
          if ("fault=reset".equals(chain.request().header("Prefer"))) {
            resets.incrementAndGet();
          }
          return chain.proceed(chain.request());
        });
    try (YeastarClient pbx = builder.build()) {
      if (pooled) {
        // A call that succeeds leaves its connection in the pool for the next one.
        assertThat(pbx.conferences().list(FIRST).items()).hasSize(5);
      }
      Throwable failure = catchThrowable(() -> pbx.conferences().list(FIRST, RESET));
      assertThat(failure).isInstanceOf(TransportException.class);
      assertThat(((YeastarException) failure).call().orElseThrow().attempts()).isEqualTo(requests);
    }
    assertThat(resets).hasValue(requests);
  }
}
