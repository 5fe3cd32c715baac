package io.github.yeastarsdk;

import static io.github.yeastarsdk.TestServers.TOKEN;
import static io.github.yeastarsdk.TestServers.client;
import static io.github.yeastarsdk.TestServers.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.yeastarsdk.errors.HttpStatusException;
import io.github.yeastarsdk.errors.InvalidParameterException;
import io.github.yeastarsdk.errors.MalformedResponseException;
import io.github.yeastarsdk.internal.Authentication;
import io.github.yeastarsdk.internal.CallExecutor;
import io.github.yeastarsdk.internal.Errcodes;
import io.github.yeastarsdk.internal.FailureMapper;
import io.github.yeastarsdk.internal.Redactor;
import io.github.yeastarsdk.internal.RetryPolicy;
import io.github.yeastarsdk.internal.Sleeper;
import io.github.yeastarsdk.internal.TokenSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RedactionTest {
  private final MockWebServer server = new MockWebServer();
  private final List<String> log = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  private static String everything(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return t.getMessage() + "\n" + t + "\n" + out;
  }

  /** A proxy error page that quotes the request line, as some proxies do. */
  private void echoRequestUrl(int status) {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return new MockResponse()
                .setResponseCode(status)
                .setBody(
                    "<html>Bad gateway for "
                        + request.getRequestUrl()
                        + " raw "
                        + request.getRequestUrl().queryParameter("access_token")
                        + "</html>");
          }
        });
  }

  @Test
  void verboseLogShowsTheExchangeButNotTheToken() {
    server.enqueue(page(1, 1, 1));
    try (YeastarClient pbx = client(server).logLevel(HttpLogLevel.BODY).logSink(log::add).build()) {
      pbx.conferences().list(ConferenceListParams.builder().page(1).pageSize(1).build());
    }
    String text = String.join("\n", log);
    assertThat(text)
        .contains("--> GET", "access_token=" + "\u2588\u2588", "<-- 200", "\"total_number\":1")
        .doesNotContain(TOKEN);
  }

  @Test
  void proxyPageEchoingTheUrlIsRedactedInTheExceptionAndTheLog() {
    echoRequestUrl(403);
    try (YeastarClient pbx = client(server).logLevel(HttpLogLevel.BODY).logSink(log::add).build()) {
      HttpStatusException e =
          catchThrowableOfType(
              HttpStatusException.class,
              () ->
                  pbx.conferences()
                      .list(ConferenceListParams.builder().page(1).pageSize(1).build()));
      assertThat(e.bodyExcerpt()).contains("Bad gateway").doesNotContain(TOKEN);
      assertThat(everything(e)).doesNotContain(TOKEN);
    }
    assertThat(String.join("\n", log)).contains("Bad gateway").doesNotContain(TOKEN);
  }

  @Test
  void malformedBodyEchoingTheTokenIsRedacted() {
    server.enqueue(TestServers.json("{\"errcode\":\"" + TOKEN + "\"}"));
    try (YeastarClient pbx = client(server).build()) {
      MalformedResponseException e =
          catchThrowableOfType(
              MalformedResponseException.class,
              () ->
                  pbx.conferences()
                      .list(ConferenceListParams.builder().page(1).pageSize(1).build()));
      assertThat(everything(e)).contains("Expected NUMBER").doesNotContain(TOKEN);
    }
  }

  @Test
  void tokenIsRedactedRawAndPercentEncodedInAnyForm() {
    Redactor redactor = new Redactor();
    redactor.remember("a+b/c=d e9");
    assertThat(
            redactor.redact(
                "x a%2Bb%2Fc%3Dd%20e9 y a+b/c=d e9 z a%2bb%2fc%3dd+e9 w access_token%3Da%252Bb"))
        .isEqualTo("x ██ y ██ z ██ w access_token%3D██");
    assertThat(redactor.redact("GET /x?page=1&access_token=zzz&page_size=2"))
        .isEqualTo("GET /x?page=1&access_token=██&page_size=2");
    assertThat(redactor.redact("{\"refresh_token\": \"zzz\"}"))
        .isEqualTo("{\"refresh_token\": \"██\"}");
  }

  @Test
  void longTokenIsRedactedEvenWithoutABoundary() {
    Redactor redactor = new Redactor();
    redactor.remember(TOKEN);
    assertThat(redactor.redact("tok" + TOKEN + "x")).isEqualTo("tok██x");
  }

  @Test
  void oneLetterTokenIsMaskedOnlyWhereItStandsAsAValue() {
    Redactor redactor = new Redactor();
    redactor.remember("t");
    String prose = "Failed to connect to /127.0.0.1:1 (can't reach it)";
    assertThat(redactor.redact(prose)).isEqualTo(prose);
    assertThat(redactor.redact("GET /x?key=t&page=1 and /y?key=t"))
        .isEqualTo("GET /x?key=██&page=1 and /y?key=██");
    assertThat(redactor.redact("{\"key\": \"t\", \"name\":\"tt\"}"))
        .isEqualTo("{\"key\": \"██\", \"name\":\"tt\"}");
    assertThat(redactor.redact("/x?access_token=t")).isEqualTo("/x?access_token=██");
  }

  @Test
  void scrubbedCauseKeepsItsTypeAndTraceButNotTheSecret() {
    Redactor redactor = new Redactor();
    redactor.remember(TOKEN);
    IOException original = new IOException("failed GET /?access_token=" + TOKEN);
    Throwable scrubbed = redactor.scrub(original);
    assertThat(scrubbed.toString()).startsWith("java.io.IOException: failed GET /?access_token=██");
    assertThat(scrubbed.getStackTrace()).isEqualTo(original.getStackTrace());
    IOException clean = new IOException("connection reset");
    assertThat(redactor.scrub(clean)).isSameAs(clean);
  }

  @Test
  void scrubbedChainKeepsEveryType() {
    Redactor redactor = new Redactor();
    redactor.remember(TOKEN);
    java.net.ConnectException connect =
        new java.net.ConnectException("Failed to connect to /x?access_token=" + TOKEN);
    IOException outer = new IOException("call failed", connect);
    Throwable scrubbed = redactor.scrub(outer);
    assertThat(scrubbed).isExactlyInstanceOf(IOException.class).hasMessage("call failed");
    assertThat(scrubbed.getCause())
        .isExactlyInstanceOf(java.net.ConnectException.class)
        .hasMessage("Failed to connect to /x?access_token=██");
    // A type without a public (String) constructor becomes its nearest public supertype.
    Throwable odd = redactor.scrub(new PrivateFailure("token " + TOKEN));
    assertThat(odd).isExactlyInstanceOf(IOException.class).hasMessage("token ██");
  }

  private static final class PrivateFailure extends IOException {
    PrivateFailure(String message) {
      super(message);
    }
  }

  @Test
  void errmsgEchoingTheUrlIsRedacted() {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return TestServers.json(
                "{\"errcode\":40002,\"errmsg\":\"bad request "
                    + request.getRequestUrl()
                    + "\",\"submsg\":\"token "
                    + TOKEN
                    + "\",\"invalid_param_list\":[{\"field\":\"x\",\"value\":\""
                    + TOKEN
                    + "\",\"hint\":[\"use "
                    + TOKEN
                    + "\"]}]}");
          }
        });
    try (YeastarClient pbx = client(server).build()) {
      InvalidParameterException e =
          catchThrowableOfType(
              InvalidParameterException.class,
              () ->
                  pbx.conferences()
                      .list(ConferenceListParams.builder().page(1).pageSize(1).build()));
      assertThat(e.errmsg()).startsWith("bad request http").contains("access_token=██");
      assertThat(e.submsg()).isEqualTo("token ██");
      assertThat(e.invalidParams().get(0).value()).isEqualTo("\u2588\u2588");
      assertThat(e.invalidParams().get(0).additionalProperties())
          .isEqualTo(Map.of("hint", List.of("use ██")));
      assertThat(everything(e)).doesNotContain(TOKEN);
    }
  }

  @Test
  void toStringsNeverShowTheToken() {
    try (YeastarClient pbx = client(server).build()) {
      assertThat(pbx.toString()).doesNotContain(TOKEN);
      Redactor redactor = new Redactor();
      Authentication auth =
          new Authentication(
              TokenSource.of(() -> TOKEN),
              new CallExecutor(
                  new FailureMapper(redactor, Errcodes.failureAnswers(redactor)),
                  new RetryPolicy(Duration.ZERO, Duration.ZERO, java.time.Clock.systemUTC()),
                  redactor,
                  Sleeper.SYSTEM,
                  java.time.Clock.systemUTC(),
                  Runnable::run),
              redactor,
              Runnable::run);
      assertThat(auth.toString()).doesNotContain(TOKEN);
    }
  }
}
