package io.github.yeastarsdk;

import static io.github.yeastarsdk.TestServers.client;
import static io.github.yeastarsdk.TestServers.error;
import static io.github.yeastarsdk.TestServers.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.yeastarsdk.errors.AccessDeniedException;
import io.github.yeastarsdk.errors.ApiErrorException;
import io.github.yeastarsdk.errors.HttpStatusException;
import io.github.yeastarsdk.errors.IncompleteResponseException;
import io.github.yeastarsdk.errors.InvalidParameterException;
import io.github.yeastarsdk.errors.MalformedResponseException;
import io.github.yeastarsdk.errors.RequestTimeoutException;
import io.github.yeastarsdk.errors.TokenExpiredException;
import io.github.yeastarsdk.errors.TransportException;
import io.github.yeastarsdk.internal.Errcodes;
import io.github.yeastarsdk.internal.FailureAnswers;
import io.github.yeastarsdk.internal.FailureMapper;
import io.github.yeastarsdk.internal.Operation;
import io.github.yeastarsdk.internal.Redactor;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorMappingTest {
  private final MockWebServer server = new MockWebServer();

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  private Throwable listFailure() {
    try (YeastarClient pbx = client(server).maxRetries(0).build()) {
      pbx.conferences().list(ConferenceListParams.builder().page(1).pageSize(10).build());
    } catch (Throwable t) {
      return t;
    }
    throw new AssertionError("list() did not fail");
  }

  @ParameterizedTest(name = "errcode {0} -> {2}")
  @CsvSource({
    "10004, TOKEN EXPIRED, TokenExpiredException",
    "10005, ACCESS DENIED, AccessDeniedException",
    "40001, PARAMETER SYNTAX ERROR, InvalidParameterException",
    "40002, PARAMETER ERROR, InvalidParameterException",
    "70004, ACCOUNT IP BLOCKED, IpBlockedException",
    "70087, IP FORBIDDEN, IpBlockedException",
    "-1, FAILURE, ApiErrorException",
    "-2, INTERNAL SERVER ERROR, ApiErrorException",
    "60001, DATA NOT FOUND, ApiErrorException",
    "99999, SOMETHING NEW, ApiErrorException",
  })
  void errcodeMapsToItsExceptionType(int errcode, String errmsg, String type) {
    server.enqueue(error(errcode, errmsg));
    Throwable failure = listFailure();
    assertThat(failure.getClass().getSimpleName()).isEqualTo(type);
    ApiErrorException api = (ApiErrorException) failure;
    assertThat(api.errcode()).isEqualTo(errcode);
    assertThat(api.errmsg()).isEqualTo(errmsg);
    assertThat(api).hasMessageStartingWith("errcode " + errcode + " " + errmsg);
  }

  @Test
  void parameterErrorCarriesTheInvalidParameters() {
    server.enqueue(
        json(
            "{\"errcode\":40002,\"errmsg\":\"PARAMETER ERROR\",\"invalid_param_list\":"
                + "[{\"field\":\"page_size\",\"validation_type\":\"required\"}]}"));
    InvalidParameterException failure = (InvalidParameterException) listFailure();
    assertThat(failure.invalidParams())
        .containsExactly(new InvalidParam("page_size", "required", null));
    assertThat(failure).hasMessageContaining("invalid parameter page_size (required)");
  }

  @Test
  void failureWithoutErrmsgIsStillAnApiErrorWithItsCode() {
    server.enqueue(json("{\"errcode\":10005}"));
    AccessDeniedException failure = (AccessDeniedException) listFailure();
    assertThat(failure.errcode()).isEqualTo(10005);
    assertThat(failure.errmsg()).isNull();
    assertThat(failure).hasMessageStartingWith("errcode 10005");
  }

  @Test
  void failureWithOddFieldsKeepsWhatItSays() {
    server.enqueue(
        json(
            "{\"errcode\":40002,\"errmsg\":[\"odd\"],\"submsg\":\"page_size is required\","
                + "\"total_number\":\"many\",\"data\":\"none\",\"invalid_param_list\":"
                + "[{\"field\":\"page_size\",\"validation_type\":7,\"x\":{}},\"junk\",null]}"));
    InvalidParameterException failure = (InvalidParameterException) listFailure();
    assertThat(failure.errcode()).isEqualTo(40002);
    assertThat(failure.errmsg()).isNull();
    assertThat(failure.submsg()).isEqualTo("page_size is required");
    assertThat(failure.invalidParams()).containsExactly(new InvalidParam("page_size", "7", null));
  }

  @Test
  void failureCutOffAfterItsErrcodeIsStillAnApiError() {
    server.enqueue(json("{\"errcode\":-2,\"errmsg\":\"INTERNAL SERVER ERROR\",\"submsg\":"));
    ApiErrorException failure = (ApiErrorException) listFailure();
    assertThat(failure.errcode()).isEqualTo(-2);
    assertThat(failure.errmsg()).isEqualTo("INTERNAL SERVER ERROR");
  }

  @Test
  void successBodiesStayStrict() {
    server.enqueue(json("{\"errcode\":0,\"errmsg\":\"SUCCESS\",\"data\":\"none\"}"));
    assertThat(listFailure()).isInstanceOf(MalformedResponseException.class);
    server.enqueue(json("{\"errcode\":0}"));
    assertThat(listFailure())
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("'errmsg'");
  }

  @Test
  void submsgIsKeptAndQuoted() {
    server.enqueue(
        json(
            "{\"errcode\":40002,\"errmsg\":\"PARAMETER ERROR\",\"submsg\":\"page_size is required\"}"));
    InvalidParameterException failure = (InvalidParameterException) listFailure();
    assertThat(failure.submsg()).isEqualTo("page_size is required");
    assertThat(failure)
        .hasMessageStartingWith("errcode 40002 PARAMETER ERROR: page_size is required");
  }

  @Test
  void httpStatusFailureKeepsItsHeadersWithCookiesMasked() {
    server.enqueue(
        new MockResponse()
            .setResponseCode(503)
            .setHeader("Retry-After", "120")
            .setHeader("Set-Cookie", "session=abc")
            .setHeader("Location", "/x?access_token=" + TestServers.TOKEN)
            .setBody("busy"));
    HttpStatusException failure = (HttpStatusException) listFailure();
    assertThat(failure.status()).isEqualTo(503);
    assertThat(failure.headers().get("Retry-After")).isEqualTo("120");
    assertThat(failure.headers().get("Set-Cookie")).isEqualTo("\u2588\u2588");
    assertThat(failure.headers().get("Location")).isEqualTo("/x?access_token=" + "\u2588\u2588");
    assertThat(failure.bodyExcerpt()).isEqualTo("busy");
  }

  @Test
  void malformedBodyNamesThePathAndQuotesTheBody() {
    server.enqueue(
        json(
            "{\"errcode\":0,\"errmsg\":\"SUCCESS\",\"data\":[{\"id\":1,\"name\":\"A\","
                + "\"number\":6500}]}"));
    MalformedResponseException failure = (MalformedResponseException) listFailure();
    assertThat(failure.path()).isEqualTo("$.data[0].number");
    assertThat(failure.bodyExcerpt()).startsWith("{\"errcode\":0,").contains("\"number\":6500");
  }

  @Test
  void non2xxStatusMapsToHttpStatusExceptionWithAShortExcerpt() {
    server.enqueue(
        new MockResponse()
            .setResponseCode(404)
            .setBody("<html>\n<body>Not   Found " + "x".repeat(500) + "</body></html>"));
    HttpStatusException failure = (HttpStatusException) listFailure();
    assertThat(failure.status()).isEqualTo(404);
    assertThat(failure.bodyExcerpt()).startsWith("<html> <body>Not Found x").endsWith("…");
    assertThat(failure.bodyExcerpt()).hasSizeLessThanOrEqualTo(Redactor.EXCERPT_CHARS + 1);
  }

  @Test
  void bodyThatIsNotJsonIsMalformed() {
    server.enqueue(json("<html>gateway</html>"));
    assertThat(listFailure())
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("does not match the spec");
  }

  @Test
  void bodyWithoutErrcodeIsMalformedNamingTheField() {
    server.enqueue(json("{\"errmsg\":\"SUCCESS\"}"));
    MalformedResponseException failure = (MalformedResponseException) listFailure();
    assertThat(failure).hasMessageContaining("'errcode'");
    assertThat(failure.path()).isEqualTo("$");
    assertThat(failure.bodyExcerpt()).isEqualTo("{\"errmsg\":\"SUCCESS\"}");
  }

  @Test
  void emptyBodyIsMalformed() {
    server.enqueue(json(""));
    assertThat(listFailure()).isInstanceOf(MalformedResponseException.class);
  }

  @Test
  void refusedConnectionSaysSoInWordsEvenWithAOneLetterToken() throws IOException {
    server.start();
    String url = server.url("/").toString();
    int port = server.getPort();
    server.shutdown();
    try (YeastarClient pbx =
        YeastarClient.builder().baseUrl(url).accessToken("t").maxRetries(0).build()) {
      Throwable failure =
          catchThrowable(
              () ->
                  pbx.conferences()
                      .list(ConferenceListParams.builder().page(1).pageSize(1).build()));
      assertThat(failure)
          .isExactlyInstanceOf(TransportException.class)
          .hasMessageStartingWith("connection refused: Failed to connect to ")
          .hasMessageContaining(":" + port + " [listConferences GET ")
          .hasMessageContaining("?access_token=\u2588\u2588&page=1")
          .hasCauseExactlyInstanceOf(ConnectException.class);
      // A one-letter token masks the token's value, not every "t" of the text.
      assertThat(failure.getMessage().substring(0, failure.getMessage().indexOf(" [")))
          .doesNotContain("\u2588\u2588");
      assertThat(failure.getCause()).hasMessageNotContaining("\u2588\u2588");
    }
  }

  @Test
  void resetMidBodyIsAnAnswerCutShortNotAMalformedBodyNorNoConnection() {
    server.enqueue(
        TestServers.page(3, 1, 3).setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
    Throwable failure = listFailure();
    assertThat(failure)
        .isExactlyInstanceOf(IncompleteResponseException.class)
        .hasMessageStartingWith("answer cut short: ")
        .hasCauseInstanceOf(IOException.class);
  }

  @Test
  void lenientReadFollowsTheEnvelopeNamesItIsGivenNotFixedOnes() {
    Redactor redactor = new Redactor();
    FailureAnswers renamed =
        new FailureAnswers(
            redactor,
            Errcodes::exception,
            new FailureAnswers.Fields("code", 200, "message", "detail", "problems"));
    ApiErrorException failure =
        renamed.readLeniently(
            "listConferences",
            new okio.Buffer()
                .writeUtf8(
                    "{\"code\":10005,\"message\":\"ACCESS DENIED\",\"detail\":\"no role\","
                        + "\"problems\":[{\"field\":\"page\"}],\"errcode\":1}"));
    assertThat(failure).isExactlyInstanceOf(AccessDeniedException.class);
    assertThat(failure.errmsg()).isEqualTo("ACCESS DENIED");
    assertThat(failure.submsg()).isEqualTo("no role");
    assertThat(failure.invalidParams()).extracting(InvalidParam::field).containsExactly("page");
    // The success value is the spec's too: here 200, so 0 is a failure and 200 is not.
    assertThat(
            renamed.readLeniently("listConferences", new okio.Buffer().writeUtf8("{\"code\":200}")))
        .isNull();
    assertThat(
            renamed.readLeniently("listConferences", new okio.Buffer().writeUtf8("{\"code\":0}")))
        .isExactlyInstanceOf(ApiErrorException.class);
  }

  @Test
  void transportMessagesNameWhatHappened() {
    Redactor redactor = new Redactor();
    FailureMapper mapper = new FailureMapper(redactor, Errcodes.failureAnswers(redactor));
    Operation op =
        new Operation("listConferences", "GET", "/openapi/v1.0/conference/list", List.of());
    assertThat(mapper.failure(new ConnectException("Network is unreachable"), op))
        .hasMessageStartingWith("could not connect: Network is unreachable");
    assertThat(mapper.failure(new java.net.UnknownHostException("pbx.invalid"), op))
        .hasMessageStartingWith("unknown host: pbx.invalid");
    assertThat(mapper.failure(new javax.net.ssl.SSLHandshakeException("bad cert"), op))
        .hasMessageStartingWith("secure connection failed: bad cert")
        .hasCauseExactlyInstanceOf(javax.net.ssl.SSLHandshakeException.class);
  }

  @Test
  void closedWithoutAnAnswerSaysNoAnswer() {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
    assertThat(listFailure())
        .isExactlyInstanceOf(TransportException.class)
        .hasMessageStartingWith("no answer: ");
  }

  @Test
  void silentServerIsATimeout() {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    try (YeastarClient pbx =
        client(server).maxRetries(0).readTimeout(Duration.ofMillis(200)).build()) {
      assertThatThrownBy(
              () ->
                  pbx.conferences()
                      .list(ConferenceListParams.builder().page(1).pageSize(1).build()))
          .isInstanceOf(RequestTimeoutException.class)
          .hasMessageStartingWith("timed out (read timeout)");
    }
  }

  @Test
  void asyncFailureCompletesWithTheSameTypedException() {
    server.enqueue(error(10004, "TOKEN EXPIRED"));
    try (YeastarClient pbx = client(server).build()) {
      assertThatThrownBy(
              () -> pbx.conferences().listAsync(ConferenceListParams.builder().build()).get())
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(TokenExpiredException.class);
    }
  }
}
