package io.github.yeastarsdk;

import static io.github.yeastarsdk.TestServers.error;
import static io.github.yeastarsdk.TestServers.json;
import static io.github.yeastarsdk.TestServers.page;
import static io.github.yeastarsdk.TestServers.tokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.yeastarsdk.errors.HttpStatusException;
import io.github.yeastarsdk.errors.InvalidCredentialsException;
import io.github.yeastarsdk.errors.TokenExpiredException;
import io.github.yeastarsdk.internal.GetTokenRequest;
import io.github.yeastarsdk.internal.TokenResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TokenManagementTest {
  private static final String CLIENT_ID = "client-id-1";
  private static final String SECRET = "client-secret-XYZ";

  private final MockWebServer server = new MockWebServer();
  private final MutableClock clock = new MutableClock();
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger issued = new AtomicInteger();

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  /** A clock the test moves by hand. */
  static final class MutableClock extends Clock {
    private volatile Instant now = Instant.parse("2026-11-28T08:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  /** get_token issues access-N / refresh-N; list answers with {@code list}. */
  private void serve(Function<RecordedRequest, MockResponse> list) {
    TestServers.serveWithTokens(server, requests, issued, list);
  }

  private YeastarClient.Builder client() {
    return YeastarClient.builder()
        .baseUrl(server.url("/").toString())
        .clientCredentials(CLIENT_ID, SECRET)
        .clock(clock)
        .retryBackoff(Duration.ofMillis(1), Duration.ofMillis(5));
  }

  private long count(String endpoint) {
    return requests.stream()
        .filter(r -> r.getRequestUrl().encodedPath().endsWith("/" + endpoint))
        .count();
  }

  private List<String> listTokens() {
    return requests.stream()
        .filter(r -> r.getRequestUrl().encodedPath().endsWith("/conference/list"))
        .map(r -> r.getRequestUrl().queryParameter("access_token"))
        .toList();
  }

  @Test
  void tokenIsFetchedOnFirstUseAndReused() {
    serve(r -> page(1, 1, 1));
    try (YeastarClient pbx = client().build()) {
      pbx.conferences().list(ConferenceListParams.builder().page(1).pageSize(5).build());
      pbx.conferences().list(ConferenceListParams.builder().page(1).pageSize(5).build());
    }
    assertThat(count("get_token")).isEqualTo(1);
    assertThat(listTokens()).containsExactly("access-1", "access-1");
    RecordedRequest getToken = requests.get(0);
    assertThat(getToken.getMethod()).isEqualTo("POST");
    assertThat(getToken.getRequestUrl().queryParameter("access_token")).isNull();
    assertThat(getToken.getHeader("User-Agent")).isEqualTo(YeastarClient.DEFAULT_USER_AGENT);
    assertThat(getToken.getBody().readUtf8())
        .isEqualTo("{\"username\":\"" + CLIENT_ID + "\",\"password\":\"" + SECRET + "\"}");
  }

  @Test
  void tokenIsRefreshedShortlyBeforeItExpires() {
    serve(r -> page(1, 1, 1));
    try (YeastarClient pbx = client().build()) {
      pbx.conferences().list(ConferenceListParams.builder().page(1).pageSize(5).build());
      clock.advance(Duration.ofSeconds(1800 - 120));
      pbx.conferences().list(ConferenceListParams.builder().page(1).pageSize(5).build());
      clock.advance(Duration.ofSeconds(90));
      pbx.conferences().list(ConferenceListParams.builder().page(1).pageSize(5).build());
    }
    assertThat(count("get_token")).isEqualTo(1);
    assertThat(count("refresh_token")).isEqualTo(1);
    assertThat(listTokens()).containsExactly("access-1", "access-1", "access-2");
    RecordedRequest refresh =
        requests.stream()
            .filter(r -> r.getRequestUrl().encodedPath().endsWith("/refresh_token"))
            .findFirst()
            .orElseThrow();
    assertThat(refresh.getBody().readUtf8()).isEqualTo("{\"refresh_token\":\"refresh-1\"}");
  }

  @Test
  void failedRefreshFallsBackToGetToken() {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            requests.add(request);
            String path = request.getRequestUrl().encodedPath();
            if (path.endsWith("/refresh_token")) {
              return error(10004, "TOKEN EXPIRED");
            }
            if (path.endsWith("/get_token")) {
              int n = issued.incrementAndGet();
              return tokens("access-" + n, "refresh-" + n);
            }
            return page(1, 1, 1);
          }
        });
    try (YeastarClient pbx = client().build()) {
      pbx.conferences().list(ConferenceListParams.builder().page(1).pageSize(5).build());
      clock.advance(Duration.ofSeconds(1800));
      pbx.conferences().list(ConferenceListParams.builder().page(1).pageSize(5).build());
    }
    assertThat(count("refresh_token")).isEqualTo(1);
    assertThat(count("get_token")).isEqualTo(2);
    assertThat(listTokens()).containsExactly("access-1", "access-2");
  }

  @Test
  void expiredTokenMidCallIsRenewedOnceAndTheCallRetriedOnce() {
    serve(
        r ->
            "access-1".equals(r.getRequestUrl().queryParameter("access_token"))
                ? error(10004, "TOKEN EXPIRED")
                : page(1, 1, 1));
    try (YeastarClient pbx = client().build()) {
      assertThat(
              pbx.conferences()
                  .list(ConferenceListParams.builder().page(1).pageSize(5).build())
                  .items())
          .hasSize(1);
    }
    assertThat(listTokens()).containsExactly("access-1", "access-2");
    assertThat(count("get_token") + count("refresh_token")).isEqualTo(2);
  }

  @Test
  void expiredTokenInAFailureAnswerReadLenientlyIsRenewedNotSentAgain() throws Exception {
    // No errmsg and a data field of the wrong type: only the lenient read of failures
    // understands this answer, and its 10004 must still renew the token.
    serve(
        r ->
            r.getRequestUrl().queryParameter("access_token").endsWith("-1")
                    || r.getRequestUrl().queryParameter("access_token").endsWith("-3")
                ? json("{\"errcode\":10004,\"data\":\"odd\"}")
                : page(1, 1, 1));
    try (YeastarClient pbx = client().build()) {
      assertThat(
              pbx.conferences()
                  .list(ConferenceListParams.builder().page(1).pageSize(5).build())
                  .items())
          .hasSize(1);
      clock.advance(Duration.ofSeconds(3600));
      assertThat(
              pbx.conferences()
                  .listAsync(ConferenceListParams.builder().build())
                  .get(10, TimeUnit.SECONDS)
                  .items())
          .hasSize(1);
    }
    assertThat(listTokens()).containsExactly("access-1", "access-2", "access-3", "access-4");
  }

  @Test
  void tokenRefusedAgainAfterRenewalIsReportedNotLooped() {
    serve(r -> error(10004, "TOKEN EXPIRED"));
    try (YeastarClient pbx = client().build()) {
      assertThatThrownBy(
              () ->
                  pbx.conferences()
                      .list(ConferenceListParams.builder().page(1).pageSize(5).build()))
          .isInstanceOf(TokenExpiredException.class)
          // Both list requests count, the one before the renewal and the one after.
          .hasMessageContaining(", 2 attempts in ");
      assertThatThrownBy(
              () ->
                  pbx.conferences()
                      .listAsync(ConferenceListParams.builder().page(1).pageSize(5).build())
                      .join())
          .hasCauseInstanceOf(TokenExpiredException.class)
          .hasMessageContaining(", 2 attempts in ");
    }
    assertThat(listTokens()).hasSize(4);
  }

  @Test
  void expiredTokenInTheMiddleOfAnAutoPagedListingIsRenewed() {
    AtomicInteger listCalls = new AtomicInteger();
    serve(
        r -> {
          int page = Integer.parseInt(r.getRequestUrl().queryParameter("page"));
          // The token runs out just as page 2 is asked for.
          if (page == 2 && listCalls.incrementAndGet() == 1) {
            return error(10004, "TOKEN EXPIRED");
          }
          return page(30, (page - 1) * 10 + 1, 10);
        });
    try (YeastarClient pbx = client().build()) {
      assertThat(
              pbx
                  .conferences()
                  .listAll(ConferenceListParams.builder().pageSize(10).build())
                  .stream()
                  .map(Conference::id)
                  .toList())
          .hasSize(30)
          .doesNotHaveDuplicates();
    }
    assertThat(issued.get()).isEqualTo(2);
  }

  @Test
  void thirtyTwoConcurrentCallersCauseExactlyOneTokenRequest() throws Exception {
    CountDownLatch tokenRequested = new CountDownLatch(1);
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            requests.add(request);
            if (request.getRequestUrl().encodedPath().endsWith("/get_token")) {
              tokenRequested.countDown();
              // Slow enough that every caller arrives while the token is in flight.
              Thread.sleep(300);
              return tokens("access-" + issued.incrementAndGet(), "refresh");
            }
            return page(1, 1, 1);
          }
        });
    ExecutorService callers = Executors.newFixedThreadPool(32);
    try (YeastarClient pbx = client().build()) {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Page<Conference>>> results = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        Callable<Page<Conference>> call =
            () -> {
              start.await();
              return pbx.conferences()
                  .list(ConferenceListParams.builder().page(1).pageSize(1).build());
            };
        results.add(callers.submit(call));
      }
      start.countDown();
      for (Future<Page<Conference>> result : results) {
        assertThat(result.get(30, TimeUnit.SECONDS).items()).hasSize(1);
      }
      assertThat(tokenRequested.await(0, TimeUnit.SECONDS)).isTrue();
    } finally {
      callers.shutdownNow();
    }
    assertThat(count("get_token")).isEqualTo(1);
    assertThat(listTokens()).hasSize(32).containsOnly("access-1");
  }

  @Test
  void badCredentialsStopAtOnceWithoutAskingAgain() {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            requests.add(request);
            return json(
                "{\"errcode\":-1,\"errmsg\":\"FAILURE\",\"invalid_param_list\":"
                    + "[{\"field\":\"username or password\",\"value\":\"error\"}]}");
          }
        });
    try (YeastarClient pbx = client().build()) {
      for (int i = 0; i < 3; i++) {
        assertThatThrownBy(
                () ->
                    pbx.conferences()
                        .list(ConferenceListParams.builder().page(1).pageSize(5).build()))
            .isInstanceOf(InvalidCredentialsException.class)
            .hasMessageStartingWith("get_token rejected the client credentials (")
            .hasMessageContaining("errcode -1 FAILURE")
            // Later calls carry the refused get_token's details, not a request of their own.
            .hasMessageContaining("[getToken POST ")
            .hasMessageNotContaining(SECRET);
      }
      assertThatThrownBy(
              () -> pbx.conferences().listAsync(ConferenceListParams.builder().build()).join())
          .hasCauseInstanceOf(InvalidCredentialsException.class);
    }
    assertThat(requests).hasSize(1);
  }

  @Test
  void closeRevokesTheTokenItObtained() {
    serve(r -> page(1, 1, 1));
    client().build().close();
    assertThat(requests).isEmpty();
    try (YeastarClient pbx = client().build()) {
      pbx.conferences().list(ConferenceListParams.builder().page(1).pageSize(5).build());
    }
    RecordedRequest revoke = requests.get(requests.size() - 1);
    assertThat(revoke.getRequestUrl().encodedPath()).isEqualTo("/openapi/v1.0/del_token");
    assertThat(revoke.getRequestUrl().queryParameter("access_token")).isEqualTo("access-1");
    // The User-Agent is on every request, token requests included.
    assertThat(requests)
        .extracting(r -> r.getHeader("User-Agent"))
        .containsOnly(YeastarClient.DEFAULT_USER_AGENT);
  }

  @Test
  void closeRevokesWhatIsLiveHoweverLongTheClientWasIdle() {
    serve(r -> page(1, 1, 1));
    try (YeastarClient pbx = client().build()) {
      pbx.conferences().list(ConferenceListParams.builder().page(1).pageSize(5).build());
      // No longer used for calls (inside the 60 s margin), but still live on the PBX.
      clock.advance(Duration.ofSeconds(1800 - 30));
    }
    assertThat(count("del_token")).isEqualTo(1);
    assertThat(requests.get(requests.size() - 1).getRequestUrl().queryParameter("access_token"))
        .isEqualTo("access-1");

    // Idle past the access token's life: its refresh token is still live, so close() refreshes
    // it and revokes the pair that the refresh returned.
    requests.clear();
    try (YeastarClient pbx = client().build()) {
      pbx.conferences().list(ConferenceListParams.builder().page(1).pageSize(5).build());
      clock.advance(Duration.ofSeconds(1800));
    }
    assertThat(count("refresh_token")).isEqualTo(1);
    assertThat(count("del_token")).isEqualTo(1);
    assertThat(requests.get(requests.size() - 1).getRequestUrl().encodedPath())
        .isEqualTo("/openapi/v1.0/del_token");

    // Idle past both: nothing is live, nothing is sent.
    requests.clear();
    try (YeastarClient pbx = client().build()) {
      pbx.conferences().list(ConferenceListParams.builder().page(1).pageSize(5).build());
      clock.advance(Duration.ofSeconds(86400));
    }
    assertThat(count("refresh_token")).isZero();
    assertThat(count("del_token")).isZero();
  }

  @Test
  void callerSuppliedTokenIsNeverRevokedOrRenewed() {
    serve(r -> error(10004, "TOKEN EXPIRED"));
    try (YeastarClient pbx =
        YeastarClient.builder().baseUrl(server.url("/").toString()).accessToken("mine").build()) {
      assertThatThrownBy(
              () ->
                  pbx.conferences()
                      .list(ConferenceListParams.builder().page(1).pageSize(5).build()))
          .isInstanceOf(TokenExpiredException.class);
    }
    assertThat(requests).hasSize(1);
  }

  @Test
  void secretsNeverShowInLogsMessagesOrToStrings() {
    List<String> log = new CopyOnWriteArrayList<>();
    serve(
        r ->
            new MockResponse()
                .setResponseCode(502)
                .setBody("upstream failed for " + r.getRequestUrl() + " token access-1"));
    try (YeastarClient pbx =
        client().maxRetries(0).logLevel(HttpLogLevel.BODY).logSink(log::add).build()) {
      Throwable failure =
          org.assertj.core.api.Assertions.catchThrowable(
              () ->
                  pbx.conferences()
                      .list(ConferenceListParams.builder().page(1).pageSize(5).build()));
      StringWriter trace = new StringWriter();
      failure.printStackTrace(new PrintWriter(trace));
      assertThat(failure).isInstanceOf(HttpStatusException.class);
      assertThat(trace.toString() + failure).doesNotContain("access-1", "refresh-1", SECRET);
      assertThat(pbx.toString()).doesNotContain(SECRET);
    }
    String text = String.join("\n", log);
    assertThat(text).contains("get_token", "\"password\":\"██\"", "\"access_token\":\"██\"");
    assertThat(text).doesNotContain("access-1", "refresh-1", SECRET);
    assertThat(new GetTokenRequest(CLIENT_ID, SECRET).toString()).doesNotContain(SECRET);
    assertThat(new TokenResponse(0, "SUCCESS", null, null, "access-1", 1800, "refresh-1", 86400))
        .asString()
        .doesNotContain("access-1", "refresh-1");
  }

  @Test
  void theLastOfTokenAndCredentialsWins() throws Exception {
    server.enqueue(tokens("fresh-access-token-0001", "fresh-refresh-token-0001"));
    server.enqueue(page(1, 1, 1));
    server.enqueue(json("{\"errcode\":0,\"errmsg\":\"SUCCESS\"}")); // del_token at close
    try (YeastarClient pbx =
        TestServers.client(server).accessToken("t").clientCredentials(CLIENT_ID, SECRET).build()) {
      pbx.conferences().list(ConferenceListParams.builder().page(1).pageSize(10).build());
    }
    assertThat(server.takeRequest().getPath()).startsWith("/openapi/v1.0/get_token");
    assertThat(server.takeRequest().getRequestUrl().queryParameter("access_token"))
        .isEqualTo("fresh-access-token-0001");
    assertThat(server.takeRequest().getPath()).startsWith("/openapi/v1.0/del_token");

    server.enqueue(page(1, 1, 1));
    try (YeastarClient pbx =
        TestServers.client(server).clientCredentials(CLIENT_ID, SECRET).accessToken("t2").build()) {
      pbx.conferences().list(ConferenceListParams.builder().page(1).pageSize(10).build());
    }
    RecordedRequest list = server.takeRequest();
    assertThat(list.getPath()).startsWith("/openapi/v1.0/conference/list");
    assertThat(list.getRequestUrl().queryParameter("access_token")).isEqualTo("t2");
  }
}
