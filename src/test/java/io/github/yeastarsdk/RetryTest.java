package io.github.yeastarsdk;

import io.github.yeastarsdk.errors.ApiErrorException;
import io.github.yeastarsdk.errors.HttpStatusException;
import io.github.yeastarsdk.internal.RetryInterceptor;

import static io.github.yeastarsdk.TestServers.client;
import static io.github.yeastarsdk.TestServers.error;
import static io.github.yeastarsdk.TestServers.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
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
      assertThat(pbx.conferences().list(1, 1).items()).hasSize(1);
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void defaultIsTwoRetriesThenTheStatusIsReported() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse().setResponseCode(503));
    }
    try (YeastarClient pbx = client(server).build()) {
      assertThatThrownBy(() -> pbx.conferences().list(1, 1))
          .isInstanceOf(HttpStatusException.class)
          .hasMessageStartingWith("HTTP 503");
    }
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void zeroRetriesMeansOneAttempt() {
    server.enqueue(new MockResponse().setResponseCode(503));
    try (YeastarClient pbx = client(server).maxRetries(0).build()) {
      assertThatThrownBy(() -> pbx.conferences().list(1, 1))
          .isInstanceOf(HttpStatusException.class);
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void serverErrorIsNotRetried() {
    server.enqueue(new MockResponse().setResponseCode(500));
    try (YeastarClient pbx = client(server).build()) {
      assertThatThrownBy(() -> pbx.conferences().list(1, 1))
          .isInstanceOf(HttpStatusException.class);
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void errcodeFailureIsNeverRetried() {
    server.enqueue(error(-1, "FAILURE"));
    try (YeastarClient pbx = client(server).build()) {
      assertThatThrownBy(() -> pbx.conferences().list(1, 1)).isInstanceOf(ApiErrorException.class);
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void droppedConnectionIsRetried() {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
    server.enqueue(page(1, 1, 1));
    try (YeastarClient pbx = client(server).build()) {
      assertThat(pbx.conferences().list(1, 1).items()).hasSize(1);
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void retryAfterInSecondsIsHonoured() {
    server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "1"));
    server.enqueue(page(1, 1, 1));
    long start = System.nanoTime();
    try (YeastarClient pbx = client(server).build()) {
      pbx.conferences().list(1, 1);
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(900));
  }

  @Test
  void retryAfterAsAnHttpDateIsParsed() {
    ZonedDateTime inTwoSeconds = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(2);
    String header = DateTimeFormatter.RFC_1123_DATE_TIME.format(inTwoSeconds);
    Duration delay = RetryInterceptor.retryAfter(header, Duration.ZERO);
    assertThat(delay).isBetween(Duration.ZERO, Duration.ofSeconds(2));
    assertThat(RetryInterceptor.retryAfter("soon", Duration.ofMillis(7)))
        .isEqualTo(Duration.ofMillis(7));
    assertThat(RetryInterceptor.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT", Duration.ofMillis(7)))
        .isEqualTo(Duration.ZERO);
  }

  @Test
  void retryAfterLongerThanAMinuteIsNotWaitedFor() {
    server.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "3600"));
    try (YeastarClient pbx = client(server).build()) {
      assertThatThrownBy(() -> pbx.conferences().list(1, 1))
          .isInstanceOf(HttpStatusException.class);
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void backoffGrowsAndStaysWithinItsCap() {
    RetryInterceptor retry =
        new RetryInterceptor(5, Duration.ofMillis(100), Duration.ofMillis(400));
    assertThat(retry.backoff(0)).isBetween(Duration.ofMillis(75), Duration.ofMillis(100));
    assertThat(retry.backoff(1)).isBetween(Duration.ofMillis(150), Duration.ofMillis(200));
    assertThat(retry.backoff(10)).isBetween(Duration.ofMillis(300), Duration.ofMillis(400));
  }
}
