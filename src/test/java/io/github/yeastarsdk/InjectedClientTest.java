package io.github.yeastarsdk;

import static io.github.yeastarsdk.TestServers.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.yeastarsdk.errors.InvalidCredentialsException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.logging.HttpLoggingInterceptor;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An application that passes its own OkHttpClient in: its interceptors see every attempt and the
 * SDK's User-Agent, and never the access token, which the SDK adds after them.
 */
class InjectedClientTest {
  private static final String SECRET = "s3cr3t-client-secret-value";

  private final MockWebServer server = new MockWebServer();
  private final List<String> logged = new CopyOnWriteArrayList<>();
  private final List<Request> seen = new CopyOnWriteArrayList<>();
  private final List<Request> seenAnswering = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  private OkHttpClient applicationClient() {
    HttpLoggingInterceptor logging = new HttpLoggingInterceptor(logged::add);
    logging.setLevel(HttpLoggingInterceptor.Level.BODY);
    return new OkHttpClient.Builder()
        .addInterceptor(
            chain -> {
              seen.add(chain.request());
              Response response = chain.proceed(chain.request());
              seenAnswering.add(response.request());
              if (response.networkResponse() != null) {
                seenAnswering.add(response.networkResponse().request());
              }
              return response;
            })
        .addInterceptor(logging)
        .build();
  }

  @Test
  void applicationInterceptorsSeeEveryAttemptAndTheUserAgentButNeverTheToken() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(503));
    server.enqueue(page(1, 1, 1));
    try (YeastarClient pbx = TestServers.client(server).okHttpClient(applicationClient()).build()) {
      pbx.conferences().list(ConferenceListParams.builder().page(1).pageSize(1).build());
    }
    assertThat(seen).hasSize(2);
    assertThat(seen)
        .extracting(r -> r.header("User-Agent"))
        .containsOnly(YeastarClient.DEFAULT_USER_AGENT);
    assertThat(seen).allSatisfy(r -> assertThat(r.url().queryParameter("access_token")).isNull());
    // The answers name no request with the token either, the network one included.
    assertThat(seenAnswering)
        .hasSize(2)
        .allSatisfy(r -> assertThat(r.url().toString()).doesNotContain(TestServers.TOKEN));
    assertThat(logged).isNotEmpty().noneMatch(line -> line.contains(TestServers.TOKEN));
    RecordedRequest first = server.takeRequest();
    assertThat(first.getRequestUrl().queryParameter("access_token")).isEqualTo(TestServers.TOKEN);
    assertThat(first.getPath()).startsWith("/openapi/v1.0/conference/list?access_token=");
  }

  @Test
  void tokenRequestsAreRetriedInTransitButNotWhenRefused() throws Exception {
    // get_token: the connection drops once, then the PBX refuses the credentials (-1).
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    server.enqueue(TestServers.error(-1, "FAILURE"));
    server.enqueue(TestServers.error(-1, "FAILURE"));
    try (YeastarClient pbx =
        YeastarClient.builder()
            .baseUrl(server.url("/").toString())
            .clientCredentials("client-id", SECRET)
            .retryBackoff(Duration.ofMillis(1), Duration.ofMillis(2))
            .okHttpClient(applicationClient())
            .build()) {
      Throwable failure =
          catchThrowable(
              () ->
                  pbx.conferences()
                      .list(ConferenceListParams.builder().page(1).pageSize(1).build()));
      assertThat(failure).isInstanceOf(InvalidCredentialsException.class);
      assertThat(failure.getMessage()).doesNotContain(SECRET);
    }
    // Two get_token requests: the one lost in transit and the refused one; no third.
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(logged).noneMatch(line -> line.contains(SECRET));
  }
}
