package io.github.yeastarsdk;

import static io.github.yeastarsdk.TestServers.client;
import static io.github.yeastarsdk.TestServers.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.yeastarsdk.errors.CallDetails;
import io.github.yeastarsdk.errors.ServerErrorException;
import io.github.yeastarsdk.errors.TransportException;
import io.github.yeastarsdk.errors.YeastarException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code maxRetries(n)} means at most n + 1 requests, whatever the connection: OkHttp's own silent
 * retry is off, so a reset on a pooled connection is not repeated underneath the client's count.
 * Pauses are recorded by an injected sleeper, not slept.
 */
class AttemptCountTest {
  private static final ConferenceListParams FIRST =
      ConferenceListParams.builder().page(1).pageSize(1).build();

  private final MockWebServer server = new MockWebServer();
  private final List<Duration> pauses = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  private static MockResponse reset() {
    // The server reads the request, then closes the connection without answering.
    return new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST);
  }

  @ParameterizedTest(name = "on a pooled connection: {0}")
  @ValueSource(booleans = {false, true})
  void zeroRetriesSendsExactlyOneRequest(boolean pooled) {
    if (pooled) {
      server.enqueue(page(1, 1, 1));
    }
    for (int i = 0; i < 5; i++) {
      server.enqueue(reset());
    }
    try (YeastarClient pbx =
        client(server).maxRetries(0).sleeper(RetryTest.recording(pauses)).build()) {
      if (pooled) {
        pbx.conferences().list(FIRST);
      }
      Throwable failure = catchThrowable(() -> pbx.conferences().list(FIRST));
      assertThat(failure).isInstanceOf(TransportException.class);
      assertThat(((YeastarException) failure).call())
          .get()
          .extracting(CallDetails::attempts)
          .isEqualTo(1);
    }
    assertThat(server.getRequestCount()).isEqualTo(pooled ? 2 : 1);
    assertThat(pauses).isEmpty();
  }

  @ParameterizedTest(name = "on a pooled connection: {0}")
  @ValueSource(booleans = {false, true})
  void defaultRetriesSendAtMostThreeRequests(boolean pooled) {
    if (pooled) {
      server.enqueue(page(1, 1, 1));
    }
    for (int i = 0; i < 5; i++) {
      server.enqueue(reset());
    }
    try (YeastarClient pbx = client(server).sleeper(RetryTest.recording(pauses)).build()) {
      if (pooled) {
        pbx.conferences().list(FIRST);
      }
      Throwable failure = catchThrowable(() -> pbx.conferences().list(FIRST));
      CallDetails call = ((YeastarException) failure).call().orElseThrow();
      assertThat(call.attempts()).isEqualTo(3);
      assertThat(call.operation()).isEqualTo("listConferences");
      assertThat(call.method()).isEqualTo("GET");
      assertThat(call.url())
          .contains("access_token=\u2588\u2588")
          .doesNotContain(TestServers.TOKEN);
      assertThat(failure.getMessage()).contains("listConferences GET ").contains("3 attempts in ");
    }
    assertThat(server.getRequestCount()).isEqualTo(pooled ? 4 : 3);
    assertThat(pauses).hasSize(2);
  }

  @Test
  void asynchronousCallsCountTheSame() {
    for (int i = 0; i < 5; i++) {
      server.enqueue(new MockResponse().setResponseCode(503));
    }
    try (YeastarClient pbx =
        client(server).maxRetries(1).sleeper(RetryTest.recording(pauses)).build()) {
      Throwable failure = catchThrowable(() -> pbx.conferences().listAsync(FIRST).join());
      assertThat(failure).isInstanceOf(CompletionException.class);
      assertThat(failure.getCause()).isInstanceOf(ServerErrorException.class);
      assertThat(((YeastarException) failure.getCause()).call().orElseThrow().attempts())
          .isEqualTo(2);
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(pauses).hasSize(1);
  }

  @Test
  void perCallMaxRetriesOverridesTheClients() {
    for (int i = 0; i < 5; i++) {
      server.enqueue(reset());
    }
    try (YeastarClient pbx = client(server).sleeper(RetryTest.recording(pauses)).build()) {
      catchThrowable(
          () -> pbx.conferences().list(FIRST, RequestOptions.builder().maxRetries(4).build()));
    }
    assertThat(server.getRequestCount()).isEqualTo(5);
    assertThat(pauses).hasSize(4);
  }
}
