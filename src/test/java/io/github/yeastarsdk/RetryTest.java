package io.github.yeastarsdk;

import static io.github.yeastarsdk.TestServers.client;
import static io.github.yeastarsdk.TestServers.error;
import static io.github.yeastarsdk.TestServers.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.yeastarsdk.errors.ApiErrorException;
import io.github.yeastarsdk.errors.HttpStatusException;
import io.github.yeastarsdk.internal.RetryPolicy;
import io.github.yeastarsdk.internal.Sleeper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryTest {
  private final MockWebServer server = new MockWebServer();

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  @ParameterizedTest(name = "HTTP {0} is retried")
  @ValueSource(ints = {408, 429, 502, 503, 504})
  void transientStatusIsRetried(int status) {
    server.enqueue(new MockResponse().setResponseCode(status));
    server.enqueue(page(1, 1, 1));
    try (YeastarClient pbx = client(server).build()) {
      assertThat(
              pbx.conferences()
                  .list(ConferenceListParams.builder().page(1).pageSize(1).build())
                  .items())
          .hasSize(1);
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void defaultIsTwoRetriesThenTheStatusIsReported() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse().setResponseCode(503));
    }
    try (YeastarClient pbx = client(server).build()) {
      assertThatThrownBy(
              () ->
                  pbx.conferences()
                      .list(ConferenceListParams.builder().page(1).pageSize(1).build()))
          .isInstanceOf(HttpStatusException.class)
          .hasMessageStartingWith("HTTP 503");
    }
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void zeroRetriesMeansOneAttempt() {
    server.enqueue(new MockResponse().setResponseCode(503));
    try (YeastarClient pbx = client(server).maxRetries(0).build()) {
      assertThatThrownBy(
              () ->
                  pbx.conferences()
                      .list(ConferenceListParams.builder().page(1).pageSize(1).build()))
          .isInstanceOf(HttpStatusException.class);
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void serverErrorIsNotRetried() {
    server.enqueue(new MockResponse().setResponseCode(500));
    try (YeastarClient pbx = client(server).build()) {
      assertThatThrownBy(
              () ->
                  pbx.conferences()
                      .list(ConferenceListParams.builder().page(1).pageSize(1).build()))
          .isInstanceOf(HttpStatusException.class);
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void errcodeFailureIsNeverRetried() {
    server.enqueue(error(-1, "FAILURE"));
    try (YeastarClient pbx = client(server).build()) {
      assertThatThrownBy(
              () ->
                  pbx.conferences()
                      .list(ConferenceListParams.builder().page(1).pageSize(1).build()))
          .isInstanceOf(ApiErrorException.class);
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void droppedConnectionIsRetried() {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
    server.enqueue(page(1, 1, 1));
    try (YeastarClient pbx = client(server).build()) {
      assertThat(
              pbx.conferences()
                  .list(ConferenceListParams.builder().page(1).pageSize(1).build())
                  .items())
          .hasSize(1);
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void retryAfterInSecondsIsHonoured() {
    server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "1"));
    server.enqueue(page(1, 1, 1));
    List<Duration> pauses = new CopyOnWriteArrayList<>();
    try (YeastarClient pbx = client(server).sleeper(recording(pauses)).build()) {
      pbx.conferences().list(ConferenceListParams.builder().page(1).pageSize(1).build());
    }
    assertThat(pauses).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void retryAfterAsAnHttpDateIsParsed() {
    ZonedDateTime inTwoSeconds = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(2);
    String header = DateTimeFormatter.RFC_1123_DATE_TIME.format(inTwoSeconds);
    RetryPolicy policy = new RetryPolicy(Duration.ZERO, Duration.ZERO, Clock.systemUTC());
    Duration delay = policy.retryAfter(header, Duration.ZERO);
    assertThat(delay).isBetween(Duration.ZERO, Duration.ofSeconds(2));
    assertThat(policy.retryAfter("soon", Duration.ofMillis(7))).isEqualTo(Duration.ofMillis(7));
    assertThat(policy.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT", Duration.ofMillis(7)))
        .isEqualTo(Duration.ZERO);
  }

  @Test
  void retryAfterLongerThanAMinuteIsNotWaitedFor() {
    server.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "3600"));
    try (YeastarClient pbx = client(server).build()) {
      assertThatThrownBy(
              () ->
                  pbx.conferences()
                      .list(ConferenceListParams.builder().page(1).pageSize(1).build()))
          .isInstanceOf(HttpStatusException.class);
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void backoffGrowsAndStaysWithinItsCap() {
    RetryPolicy retry =
        new RetryPolicy(Duration.ofMillis(100), Duration.ofMillis(400), Clock.systemUTC());
    assertThat(retry.backoff(1)).isBetween(Duration.ofMillis(75), Duration.ofMillis(100));
    assertThat(retry.backoff(2)).isBetween(Duration.ofMillis(150), Duration.ofMillis(200));
    assertThat(retry.backoff(11)).isBetween(Duration.ofMillis(300), Duration.ofMillis(400));
  }

  /** A sleeper that records each pause instead of waiting it out. */
  static Sleeper recording(List<Duration> pauses) {
    return new Sleeper() {
      @Override
      public void sleep(Duration delay) {
        pauses.add(delay);
      }

      @Override
      public CompletableFuture<Void> sleepAsync(Duration delay, Executor executor) {
        pauses.add(delay);
        return CompletableFuture.completedFuture(null);
      }
    };
  }
}
