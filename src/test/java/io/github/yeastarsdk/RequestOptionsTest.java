package io.github.yeastarsdk;

import static io.github.yeastarsdk.TestServers.client;
import static io.github.yeastarsdk.TestServers.error;
import static io.github.yeastarsdk.TestServers.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.yeastarsdk.errors.HttpStatusException;
import io.github.yeastarsdk.errors.RequestTimeoutException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Per-call options: headers, query parameters, retries and a timeout for one call only. */
class RequestOptionsTest {
  private final MockWebServer server = new MockWebServer();

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  private static final ConferenceListParams PARAMS = ConferenceListParams.builder().build();

  @Test
  void extraHeadersAndQueryParamsGoOnThatCallOnly() throws Exception {
    server.enqueue(page(1, 1, 1));
    server.enqueue(page(1, 1, 1));
    RequestOptions options =
        RequestOptions.builder()
            .putHeader("Prefer", "example=empty")
            .putHeader("X-Trace", "a")
            .putHeader("X-Trace", "b")
            .putQueryParam("__example", "empty")
            .build();
    try (YeastarClient pbx = client(server).build()) {
      pbx.conferences().list(PARAMS, options);
      pbx.conferences().list(PARAMS);
    }
    RecordedRequest with = server.takeRequest();
    assertThat(with.getHeader("Prefer")).isEqualTo("example=empty");
    assertThat(with.getHeaders().values("X-Trace")).containsExactly("a", "b");
    assertThat(with.getRequestUrl().queryParameter("__example")).isEqualTo("empty");
    assertThat(with.getRequestUrl().queryParameter("page")).isEqualTo("1");
    assertThat(with.getRequestUrl().queryParameter("access_token")).isEqualTo(TestServers.TOKEN);
    RecordedRequest without = server.takeRequest();
    assertThat(without.getHeader("Prefer")).isNull();
    assertThat(without.getRequestUrl().queryParameter("__example")).isNull();
  }

  @Test
  void aHeaderReplacesWhatTheClientWouldSendUnderTheSameName() throws Exception {
    server.enqueue(page(1, 1, 1));
    RequestOptions options = RequestOptions.builder().putHeader("User-Agent", "my-app/2.0").build();
    try (YeastarClient pbx = client(server).build()) {
      pbx.conferences().list(PARAMS, options);
    }
    RecordedRequest request = server.takeRequest();
    assertThat(request.getHeaders().values("User-Agent")).containsExactly("my-app/2.0");
  }

  @Test
  void theOperationsOwnParametersAreRefusedAsExtras() {
    RequestOptions options = RequestOptions.builder().putQueryParam("page_size", "7").build();
    try (YeastarClient pbx = client(server).build()) {
      assertThatThrownBy(() -> pbx.conferences().list(PARAMS, options))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "query parameter page_size is a parameter of listConferences (GET /openapi/v1.0/conference/list): set"
                  + " it on the operation's params, not in RequestOptions");
      assertThatThrownBy(() -> pbx.conferences().listAll(PARAMS, options).iterator().next())
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void everyRetryAndAsyncCallCarriesTheExtras() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(503));
    server.enqueue(page(1, 1, 1));
    RequestOptions options = RequestOptions.builder().putHeader("X-Call", "42").build();
    try (YeastarClient pbx = client(server).build()) {
      assertThat(pbx.conferences().listAsync(PARAMS, options).get(10, TimeUnit.SECONDS).items())
          .hasSize(1);
    }
    assertThat(server.takeRequest().getHeader("X-Call")).isEqualTo("42");
    assertThat(server.takeRequest().getHeader("X-Call")).isEqualTo("42");
  }

  @Test
  void maxRetriesOverridesTheClientsForOneCall() {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return new MockResponse().setResponseCode(503);
          }
        });
    try (YeastarClient pbx = client(server).maxRetries(2).build()) {
      RequestOptions none = RequestOptions.builder().maxRetries(0).build();
      assertThatThrownBy(() -> pbx.conferences().list(PARAMS, none))
          .isInstanceOf(HttpStatusException.class);
      assertThat(server.getRequestCount()).isEqualTo(1);

      RequestOptions four = RequestOptions.builder().maxRetries(4).build();
      assertThatThrownBy(() -> pbx.conferences().list(PARAMS, four))
          .isInstanceOf(HttpStatusException.class);
      assertThat(server.getRequestCount()).isEqualTo(1 + 5);

      assertThatThrownBy(() -> pbx.conferences().list(PARAMS))
          .isInstanceOf(HttpStatusException.class);
      assertThat(server.getRequestCount()).isEqualTo(1 + 5 + 3);
    }
  }

  @Test
  void timeoutLimitsThatCallOnly() {
    server.enqueue(page(1, 1, 1).setHeadersDelay(2, TimeUnit.SECONDS));
    server.enqueue(page(1, 1, 1).setHeadersDelay(300, TimeUnit.MILLISECONDS));
    try (YeastarClient pbx = client(server).maxRetries(0).build()) {
      RequestOptions quick = RequestOptions.builder().timeout(Duration.ofMillis(100)).build();
      assertThatThrownBy(() -> pbx.conferences().list(PARAMS, quick))
          .isInstanceOf(RequestTimeoutException.class);
      // The client's own limits (60 s for the call) apply again to the next call.
      assertThat(pbx.conferences().list(PARAMS).items()).hasSize(1);
    }
  }

  @Test
  void aLongerTimeoutThanTheClientsLetsASlowCallFinish() {
    server.enqueue(page(1, 1, 1).setHeadersDelay(700, TimeUnit.MILLISECONDS));
    server.enqueue(page(1, 1, 1).setHeadersDelay(700, TimeUnit.MILLISECONDS));
    try (YeastarClient pbx =
        client(server).maxRetries(0).callTimeout(Duration.ofMillis(300)).build()) {
      assertThatThrownBy(() -> pbx.conferences().list(PARAMS))
          .isInstanceOf(RequestTimeoutException.class);
      RequestOptions patient = RequestOptions.builder().timeout(Duration.ofSeconds(20)).build();
      assertThat(pbx.conferences().list(PARAMS, patient).items()).hasSize(1);
    }
  }

  @Test
  void optionsFollowTheRepeatWithARenewedTokenAndEveryPageButNotTheTokenRequests()
      throws Exception {
    List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    AtomicInteger issued = new AtomicInteger();
    TestServers.serveWithTokens(
        server,
        requests,
        issued,
        request -> {
          if ("access-1".equals(request.getRequestUrl().queryParameter("access_token"))) {
            return error(10004, "TOKEN EXPIRED");
          }
          int page = Integer.parseInt(request.getRequestUrl().queryParameter("page"));
          return page(4, page * 2 - 1, 2);
        });
    RequestOptions options = RequestOptions.builder().putHeader("X-Call", "7").build();
    try (YeastarClient pbx =
        YeastarClient.builder()
            .baseUrl(server.url("/").toString())
            .clientCredentials("id", "secret-of-the-app")
            .build()) {
      assertThat(
              pbx
                  .conferences()
                  .listAll(ConferenceListParams.builder().pageSize(2).build(), options)
                  .stream()
                  .count())
          .isEqualTo(4);
    }
    assertThat(requests)
        .filteredOn(r -> r.getRequestUrl().encodedPath().endsWith("/conference/list"))
        .hasSize(3)
        .allSatisfy(r -> assertThat(r.getHeader("X-Call")).isEqualTo("7"));
    assertThat(requests)
        .filteredOn(r -> !r.getRequestUrl().encodedPath().endsWith("/conference/list"))
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.getHeader("X-Call")).isNull());
  }

  @Test
  void badOptionsFailWhereTheyAreSetNamingTheSettingButNotTheValue() {
    RequestOptions.Builder builder = RequestOptions.builder();
    assertThatThrownBy(() -> builder.putHeader("Bad Name", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Bad Name");
    assertThatThrownBy(() -> builder.putHeader("X-Api-Key", "secret\r\nInjected: 1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("X-Api-Key")
        .message()
        .doesNotContain("secret");
    assertThatThrownBy(() -> builder.putHeader("X-Name", "Zoë")).hasMessageContaining("non-ASCII");
    assertThatThrownBy(() -> builder.putQueryParam("access_token", "other"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("access_token");
    assertThatThrownBy(() -> builder.putQueryParam("", "x")).hasMessageContaining("empty");
    assertThatThrownBy(() -> builder.timeout(Duration.ofSeconds(-1)))
        .hasMessageContaining("timeout");
    assertThatThrownBy(() -> builder.maxRetries(-1)).hasMessageContaining("maxRetries");
    assertThatThrownBy(() -> builder.putHeader(null, "x"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("name == null");
  }

  @Test
  void optionsAreImmutableValuesWhoseToStringShowsNoHeaderValue() {
    RequestOptions.Builder builder =
        RequestOptions.builder().putHeader("Authorization", "Bearer s3cr3t").maxRetries(1);
    RequestOptions options = builder.build();
    builder.putHeader("X-Later", "1");
    assertThat(options.headers()).containsOnlyKeys("Authorization");
    assertThat(options.maxRetries()).hasValue(1);
    assertThat(options.timeout()).isEmpty();
    assertThat(options.toString()).contains("Authorization").doesNotContain("s3cr3t");
    assertThatThrownBy(() -> options.headers().get("Authorization").add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    RequestOptions changed = options.toBuilder().removeHeader("Authorization").build();
    assertThat(changed.headers()).isEmpty();
    assertThat(changed.maxRetries()).hasValue(1);
    assertThat(RequestOptions.none().headers()).isEmpty();
    assertThat(RequestOptions.none().maxRetries()).isEmpty();
  }

  @Test
  void derivedClientsAndResourcesStartFromTheirOptions() throws Exception {
    for (int i = 0; i < 4; i++) {
      server.enqueue(page(1, 1, 1));
    }
    try (YeastarClient pbx = client(server).build()) {
      YeastarClient tagged =
          pbx.withOptions(RequestOptions.builder().putHeader("X-Team", "a").build());
      YeastarClient both =
          tagged.withOptions(RequestOptions.builder().putQueryParam("lang", "en").build());
      ConferenceListParams first = ConferenceListParams.builder().page(1).pageSize(1).build();
      tagged.conferences().list(first);
      both.conferences().list(first);
      both.conferences()
          .withOptions(RequestOptions.builder().putHeader("X-Team", "b").build())
          .list(first);
      both.close(); // a derived client owns nothing: the original stays open
      pbx.conferences().list(first);
    }
    RecordedRequest one = server.takeRequest();
    assertThat(one.getHeader("X-Team")).isEqualTo("a");
    assertThat(one.getRequestUrl().queryParameter("lang")).isNull();
    RecordedRequest two = server.takeRequest();
    assertThat(two.getHeader("X-Team")).isEqualTo("a");
    assertThat(two.getRequestUrl().queryParameter("lang")).isEqualTo("en");
    assertThat(server.takeRequest().getHeader("X-Team")).isEqualTo("b");
    assertThat(server.takeRequest().getHeader("X-Team")).isNull();
  }

  @Test
  void optionsAreValuesWithEqualityAndNoSecretsInText() {
    RequestOptions a = RequestOptions.builder().putHeader("Authorization", "secret-value").build();
    RequestOptions b = RequestOptions.builder().putHeader("Authorization", "secret-value").build();
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(RequestOptions.none());
    assertThat(a.toString()).contains("Authorization").doesNotContain("secret-value");
    ConferenceListParams p = ConferenceListParams.builder().pageSize(5).build();
    assertThat(p).isEqualTo(ConferenceListParams.builder().pageSize(5).build());
    assertThat(p.hashCode())
        .isEqualTo(ConferenceListParams.builder().pageSize(5).build().hashCode());
    assertThat(p).isNotEqualTo(p.withPage(2));
  }
}
