package io.github.yeastarsdk;

import static io.github.yeastarsdk.TestServers.TOKEN;
import static io.github.yeastarsdk.TestServers.client;
import static io.github.yeastarsdk.TestServers.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClientRequestTest {
  private final MockWebServer server = new MockWebServer();

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  @Test
  void listSendsTheApiPathPagingTokenAndDefaultUserAgent() throws Exception {
    server.enqueue(page(1, 1, 1));
    try (YeastarClient pbx = client(server).build()) {
      Page<Conference> page =
          pbx.conferences().list(ConferenceListParams.builder().page(1).pageSize(5).build());
      assertThat(page.items()).extracting(Conference::name).containsExactly("Room 1");
    }
    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getRequestUrl().encodedPath()).isEqualTo("/openapi/v1.0/conference/list");
    assertThat(request.getRequestUrl().queryParameter("page")).isEqualTo("1");
    assertThat(request.getRequestUrl().queryParameter("page_size")).isEqualTo("5");
    assertThat(request.getRequestUrl().queryParameter("sort_by")).isNull();
    assertThat(request.getRequestUrl().queryParameter("access_token")).isEqualTo(TOKEN);
    assertThat(request.getHeader("User-Agent"))
        .isEqualTo(YeastarClient.DEFAULT_USER_AGENT)
        .matches("yeastar-conference-sdk/\\d+\\.\\d+\\.\\d+.*");
  }

  @Test
  void sortAndOrderAreSentAsTheirWireValues() throws Exception {
    server.enqueue(page(0, 1, 0));
    try (YeastarClient pbx = client(server).userAgent("OpenAPI").build()) {
      pbx.conferences()
          .list(
              ConferenceListParams.builder()
                  .page(2)
                  .pageSize(10)
                  .sortBy(ConferenceSortField.NAME)
                  .orderBy(SortOrder.DESC)
                  .build());
    }
    RecordedRequest request = server.takeRequest();
    assertThat(request.getRequestUrl().queryParameter("sort_by")).isEqualTo("name");
    assertThat(request.getRequestUrl().queryParameter("order_by")).isEqualTo("desc");
    assertThat(request.getHeader("User-Agent")).isEqualTo("OpenAPI");
  }

  @Test
  void tokenIsPercentEncodedInTheQuery() throws Exception {
    server.enqueue(page(0, 1, 0));
    try (YeastarClient pbx = client(server).accessToken("a+b/c=&d e").build()) {
      pbx.conferences().list(ConferenceListParams.builder().page(1).pageSize(1).build());
    }
    RecordedRequest request = server.takeRequest();
    assertThat(request.getPath()).contains("access_token=a%2Bb%2Fc%3D%26d%20e");
    assertThat(request.getRequestUrl().queryParameter("access_token")).isEqualTo("a+b/c=&d e");
  }

  @Test
  void tokenSupplierIsAskedOnEveryRequest() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    server.enqueue(page(0, 1, 0));
    server.enqueue(page(0, 1, 0));
    try (YeastarClient pbx =
        client(server).accessTokenSupplier(() -> "token-" + calls.incrementAndGet()).build()) {
      pbx.conferences().list(ConferenceListParams.builder().page(1).pageSize(1).build());
      pbx.conferences().list(ConferenceListParams.builder().page(1).pageSize(1).build());
    }
    assertThat(List.of(server.takeRequest(), server.takeRequest()))
        .extracting(r -> r.getRequestUrl().queryParameter("access_token"))
        .containsExactly("token-1", "token-2");
  }

  @Test
  void listAsyncCompletesWithThePage() throws Exception {
    server.enqueue(page(3, 1, 3));
    try (YeastarClient pbx = client(server).build()) {
      Page<Conference> page =
          pbx.conferences().listAsync(ConferenceListParams.builder().pageSize(3).build()).get();
      assertThat(page.items()).hasSize(3);
      assertThat(page.hasNextPage()).isFalse();
    }
  }

  @Test
  void closedClientRefusesCalls() {
    YeastarClient pbx = client(server).build();
    pbx.close();
    pbx.close();
    assertThatThrownBy(
            () ->
                pbx.conferences().list(ConferenceListParams.builder().page(1).pageSize(1).build()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void closeEndsTheThreadsThatWouldKeepAProgramRunning() throws Exception {
    server.enqueue(page(1, 1, 1));
    server.enqueue(page(1, 1, 1));
    YeastarClient pbx = client(server).build();
    pbx.conferences().list(ConferenceListParams.builder().page(1).pageSize(1).build());
    pbx.conferences().listAsync(ConferenceListParams.builder().build()).get(10, TimeUnit.SECONDS);
    OkHttpClient okHttp = pbx.okHttp();
    assertThat(okHttp.connectionPool().connectionCount()).isEqualTo(1);
    pbx.close();
    // The dispatcher's threads are not daemons: a program could not end while they lived.
    assertThat(okHttp.dispatcher().executorService().awaitTermination(10, TimeUnit.SECONDS))
        .isTrue();
    assertThat(okHttp.connectionPool().connectionCount()).isZero();
  }

  @Test
  void closingLeavesASharedOkHttpClientRunning() throws Exception {
    OkHttpClient shared = new OkHttpClient();
    server.enqueue(page(0, 1, 0));
    client(server).okHttpClient(shared).build().close();
    assertThat(shared.dispatcher().executorService().isShutdown()).isFalse();
    try (YeastarClient again = client(server).okHttpClient(shared).build()) {
      assertThat(
              again
                  .conferences()
                  .list(ConferenceListParams.builder().page(1).pageSize(1).build())
                  .items())
          .isEmpty();
    }
  }
}
