package io.github.yeastarsdk;

import static io.github.yeastarsdk.TestServers.TOKEN;
import static io.github.yeastarsdk.TestServers.json;
import static io.github.yeastarsdk.TestServers.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.yeastarsdk.errors.AccessDeniedException;
import io.github.yeastarsdk.errors.ApiErrorException;
import io.github.yeastarsdk.errors.HttpStatusException;
import io.github.yeastarsdk.errors.IncompleteResponseException;
import io.github.yeastarsdk.errors.MalformedResponseException;
import io.github.yeastarsdk.errors.RequestTimeoutException;
import io.github.yeastarsdk.errors.YeastarException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A hostile or broken server, kind by kind (CONTRIBUTING.md's reliability list names them): each
 * fault has one documented outcome, reached within a bounded time, and none of them lets the token
 * out, even with the most verbose logging.
 */
class FaultMatrixTest {
  /** No fault may take longer than this: a hang fails the test instead of the build. */
  private static final Duration BOUND = Duration.ofSeconds(15);

  private final MockWebServer server = new MockWebServer();
  private final List<String> log = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  /** What a fault must come to: a page of {@code items}, or a failure of {@code type}. */
  record Outcome(Class<? extends Throwable> type, int items, int requests, String mentions) {
    static Outcome failure(Class<? extends Throwable> type, int requests, String mentions) {
      return new Outcome(type, -1, requests, mentions);
    }

    static Outcome page(int items, int requests) {
      return new Outcome(null, items, requests, "");
    }
  }

  private static Arguments fault(String name, Consumer<MockWebServer> serve, Outcome outcome) {
    return Arguments.of(name, serve, outcome);
  }

  private static Consumer<MockWebServer> always(MockResponse response) {
    return server ->
        server.setDispatcher(
            new Dispatcher() {
              @Override
              public MockResponse dispatch(RecordedRequest request) {
                return response;
              }
            });
  }

  private static Consumer<MockWebServer> then(MockResponse first, MockResponse second) {
    return server -> {
      server.enqueue(first);
      server.enqueue(second);
    };
  }

  private static MockResponse status(int code) {
    return new MockResponse().setResponseCode(code);
  }

  private static MockResponse html(int code, String title) {
    return new MockResponse()
        .setResponseCode(code)
        .setHeader("Content-Type", "text/html")
        .setBody(
            "<html><head><title>"
                + title
                + "</title></head><body><h1>"
                + title
                + "</h1></body></html>");
  }

  private static MockResponse bytes(byte[] body) {
    return new MockResponse()
        .setHeader("Content-Type", "application/json")
        .setBody(new Buffer().write(body));
  }

  static Stream<Arguments> faults() {
    String deep = "[".repeat(5_000) + "]".repeat(5_000);
    StringBuilder huge = new StringBuilder();
    for (int i = 1; i <= 20_000; i++) {
      huge.append(i == 1 ? "" : ",")
          .append("{\"id\":")
          .append(i)
          .append(",\"name\":\"Room ")
          .append(i)
          .append("\",\"number\":\"")
          .append(i % 999_999)
          .append("\",\"moderator_list\":[]}");
    }
    return Stream.of(
        fault(
            "500", always(status(500)), Outcome.failure(HttpStatusException.class, 1, "HTTP 500")),
        fault(
            "502 every time",
            always(status(502)),
            Outcome.failure(HttpStatusException.class, 3, "HTTP 502")),
        fault("503 once, then a page", then(status(503), page(1, 1, 1)), Outcome.page(1, 2)),
        fault(
            "504 every time",
            always(status(504)),
            Outcome.failure(HttpStatusException.class, 3, "HTTP 504")),
        fault(
            "429 with Retry-After: 0, then a page",
            then(status(429).setHeader("Retry-After", "0"), page(1, 1, 1)),
            Outcome.page(1, 2)),
        fault(
            "429 without Retry-After every time",
            always(status(429)),
            Outcome.failure(HttpStatusException.class, 3, "HTTP 429")),
        fault(
            "401 HTML page",
            always(html(401, "Unauthorized")),
            Outcome.failure(HttpStatusException.class, 1, "Unauthorized")),
        fault(
            "403 HTML page",
            always(html(403, "Forbidden")),
            Outcome.failure(HttpStatusException.class, 1, "Forbidden")),
        fault(
            "404 HTML page",
            always(html(404, "Not Found")),
            Outcome.failure(HttpStatusException.class, 1, "Not Found")),
        fault(
            "302 redirect elsewhere",
            always(status(302).setHeader("Location", "https://elsewhere.example/")),
            Outcome.failure(HttpStatusException.class, 1, "HTTP 302")),
        fault(
            "200 with an empty body",
            always(json("")),
            Outcome.failure(MalformedResponseException.class, 1, "End of input")),
        fault(
            "truncated JSON",
            always(json("{\"errcode\":0,\"errmsg\":\"SUCCESS\",\"data\":[{\"id\":1,")),
            Outcome.failure(MalformedResponseException.class, 1, "does not match")),
        fault(
            "invalid UTF-8 inside a string",
            always(
                bytes(
                    concat(
                        "{\"errcode\":0,\"errmsg\":\"SUCCESS\",\"total_number\":1,\"data\":[{\"id\":1,\"name\":\"R",
                        new byte[] {(byte) 0xC3, (byte) 0x28},
                        "\",\"number\":\"1\"}]}"))),
            Outcome.page(1, 1)),
        fault(
            "invalid UTF-8 between tokens",
            always(
                bytes(
                    concat(
                        "{\"errcode\":0,",
                        new byte[] {(byte) 0xFF, (byte) 0xFE},
                        "\"errmsg\":\"S\"}"))),
            Outcome.failure(MalformedResponseException.class, 1, "does not match")),
        fault(
            "HTML with a 200 and text/html",
            always(html(200, "Login")),
            Outcome.failure(MalformedResponseException.class, 1, "does not match")),
        fault(
            "JSON sent as text/plain",
            always(page(1, 1, 1).setHeader("Content-Type", "text/plain")),
            Outcome.page(1, 1)),
        fault(
            "wrong JSON types",
            always(
                json(
                    "{\"errcode\":0,\"errmsg\":\"SUCCESS\",\"data\":[{\"id\":\"1\",\"name\":\"A\",\"number\":\"1\"}]}")),
            Outcome.failure(MalformedResponseException.class, 1, "$.data[0].id")),
        fault(
            "missing required fields",
            always(json("{\"errcode\":0,\"errmsg\":\"SUCCESS\",\"data\":[{\"id\":1}]}")),
            Outcome.failure(MalformedResponseException.class, 1, "'name'")),
        fault(
            "data: null",
            always(json("{\"errcode\":0,\"errmsg\":\"SUCCESS\",\"total_number\":0,\"data\":null}")),
            Outcome.page(0, 1)),
        fault(
            "errcode with errmsg",
            always(json("{\"errcode\":10005,\"errmsg\":\"ACCESS DENIED\"}")),
            Outcome.failure(AccessDeniedException.class, 1, "errcode 10005 ACCESS DENIED")),
        fault(
            "errcode without errmsg",
            always(json("{\"errcode\":10005}")),
            Outcome.failure(AccessDeniedException.class, 1, "errcode 10005")),
        fault(
            "an errcode nobody knows",
            always(json("{\"errcode\":88888,\"errmsg\":\"NEW THING\"}")),
            Outcome.failure(ApiErrorException.class, 1, "errcode 88888 NEW THING")),
        fault(
            "a huge body (20,000 conferences)",
            always(
                json(
                    "{\"errcode\":0,\"errmsg\":\"SUCCESS\",\"total_number\":20000,\"data\":["
                        + huge
                        + "]}")),
            Outcome.page(20_000, 1)),
        fault(
            "deeply nested JSON in an unknown field",
            always(json("{\"errcode\":0,\"errmsg\":\"SUCCESS\",\"extra\":" + deep + "}")),
            Outcome.failure(MalformedResponseException.class, 1, "Nesting too deep")),
        fault(
            "connection reset mid-body",
            always(page(3, 1, 3).setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY)),
            Outcome.failure(IncompleteResponseException.class, 1, "answer cut short")),
        fault(
            "no response at all",
            always(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE)),
            Outcome.failure(RequestTimeoutException.class, 3, "timed out")),
        fault(
            "a slow drip past the call timeout",
            always(page(50, 1, 50).throttleBody(64, 250, TimeUnit.MILLISECONDS)),
            Outcome.failure(RequestTimeoutException.class, 1, "timed out")),
        fault(
            "a proxy page that echoes the request URL",
            server ->
                server.setDispatcher(
                    new Dispatcher() {
                      @Override
                      public MockResponse dispatch(RecordedRequest request) {
                        return html(502, "Bad gateway for " + request.getRequestUrl());
                      }
                    }),
            Outcome.failure(HttpStatusException.class, 3, "access_token=██")));
  }

  private static byte[] concat(String before, byte[] middle, String after) {
    return new Buffer().writeUtf8(before).write(middle).writeUtf8(after).readByteArray();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faults")
  void faultComesToItsDocumentedOutcome(
      String name, Consumer<MockWebServer> serve, Outcome outcome) {
    serve.accept(server);
    assertTimeoutPreemptively(BOUND, () -> check(outcome));
  }

  private void check(Outcome outcome) {
    Throwable failure = null;
    Page<Conference> page = null;
    try (YeastarClient pbx =
        TestServers.client(server)
            .readTimeout(Duration.ofMillis(500))
            .callTimeout(Duration.ofSeconds(2))
            .logLevel(HttpLogLevel.BODY)
            .logSink(log::add)
            .build()) {
      page = pbx.conferences().list(ConferenceListParams.builder().page(1).pageSize(50).build());
    } catch (Throwable t) {
      failure = t;
    }
    if (outcome.type() == null) {
      assertThat(failure).as("failure").isNull();
      assertThat(page.items()).hasSize(outcome.items());
    } else {
      assertThat(failure).isInstanceOf(outcome.type()).hasMessageContaining(outcome.mentions());
      assertThat(failure).isInstanceOf(YeastarException.class);
    }
    assertThat(server.getRequestCount()).as("requests").isEqualTo(outcome.requests());
    StringWriter everything = new StringWriter();
    if (failure != null) {
      failure.printStackTrace(new PrintWriter(everything));
      everything.append(failure.toString());
    }
    everything.append(String.join("\n", log));
    assertThat(everything.toString()).as("logs and exception text").doesNotContain(TOKEN);
  }
}
