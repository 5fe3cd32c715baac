package io.github.yeastarsdk;

import static io.github.yeastarsdk.TestServers.client;
import static io.github.yeastarsdk.TestServers.error;
import static io.github.yeastarsdk.TestServers.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.yeastarsdk.errors.AccessDeniedException;
import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The raw view of a call: the answer's status and headers beside the value. */
class RawResponseTest {
  private static final ConferenceListParams PARAMS = ConferenceListParams.builder().build();

  private final MockWebServer server = new MockWebServer();

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  @Test
  void rawListHasTheStatusTheHeadersAndThePage() {
    server.enqueue(page(3, 1, 2).setHeader("X-Request-Id", "req-1"));
    try (YeastarClient pbx = client(server).build()) {
      RawResponse<Page<Conference>> raw =
          pbx.conferences().withRawResponse().list(PARAMS.withPageSize(2));
      assertThat(raw.statusCode()).isEqualTo(200);
      assertThat(raw.headers().get("X-Request-Id")).isEqualTo("req-1");
      assertThat(raw.headers().get("Content-Type")).isEqualTo("application/json");
      assertThat(raw.value().items()).extracting(Conference::id).containsExactly(1, 2);
      assertThat(raw.value().totalNumber()).hasValue(3);
    }
  }

  @Test
  void rawAsyncWithOptionsAndTheNextPageOfARawPage() throws Exception {
    server.enqueue(page(3, 1, 2).setHeader("X-Request-Id", "req-1"));
    server.enqueue(page(3, 3, 1).setHeader("X-Request-Id", "req-2"));
    RequestOptions options = RequestOptions.builder().putHeader("X-Call", "1").build();
    try (YeastarClient pbx = client(server).build()) {
      RawResponse<Page<Conference>> raw =
          pbx.conferences()
              .withRawResponse()
              .listAsync(PARAMS.withPageSize(2), options)
              .get(10, TimeUnit.SECONDS);
      assertThat(raw.headers().get("X-Request-Id")).isEqualTo("req-1");
      // The page it holds is an ordinary page: its next page comes with the same options.
      assertThat(raw.value().nextPage().items()).extracting(Conference::id).containsExactly(3);
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void afterARetryTheRawViewIsTheAnswerThatSucceeded() {
    server.enqueue(new MockResponse().setResponseCode(503).setHeader("X-Request-Id", "bad"));
    server.enqueue(page(1, 1, 1).setHeader("X-Request-Id", "good"));
    try (YeastarClient pbx = client(server).build()) {
      RawResponse<Page<Conference>> raw = pbx.conferences().withRawResponse().list(PARAMS);
      assertThat(raw.statusCode()).isEqualTo(200);
      assertThat(raw.headers().get("X-Request-Id")).isEqualTo("good");
    }
  }

  @Test
  void failuresThrowTheSameExceptionsAsThePlainCall() throws Exception {
    server.enqueue(error(10005, "ACCESS DENIED"));
    server.enqueue(error(10005, "ACCESS DENIED"));
    try (YeastarClient pbx = client(server).build()) {
      assertThatThrownBy(() -> pbx.conferences().withRawResponse().list(PARAMS))
          .isInstanceOf(AccessDeniedException.class);
      assertThatThrownBy(
              () -> pbx.conferences().withRawResponse().listAsync(PARAMS).get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(AccessDeniedException.class);
    }
  }

  @Test
  void toStringShowsHeaderNamesButNotTheirValues() {
    RawResponse<String> raw =
        new RawResponse<>(200, Headers.of("Set-Cookie", "session=s3cr3t"), "value");
    assertThat(raw.toString()).contains("Set-Cookie").doesNotContain("s3cr3t");
    assertThat(raw.value()).isEqualTo("value");
    assertThat(raw.map(String::length).value()).isEqualTo(5);
    assertThatThrownBy(() -> new RawResponse<>(200, Headers.of(), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("value == null");
  }
}
