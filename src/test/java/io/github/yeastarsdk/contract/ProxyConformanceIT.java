package io.github.yeastarsdk.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.yeastarsdk.Conference;
import io.github.yeastarsdk.ConferenceListParams;
import io.github.yeastarsdk.Page;
import io.github.yeastarsdk.YeastarClient;
import io.github.yeastarsdk.errors.HttpStatusException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The conformance run's tool: {@code prism proxy} in front of an upstream validates the upstream's
 * answers against the spec. Here the upstream is a MockWebServer standing in for a PBX, once
 * conforming and once not.
 */
class ProxyConformanceIT {
  private final MockWebServer upstream = new MockWebServer();
  private PrismServer proxy;

  @BeforeEach
  void start() throws IOException {
    upstream.start();
    proxy =
        PrismServer.proxy(
            PrismExtension.projectRoot(), upstream.url("/").toString().replaceAll("/$", ""));
  }

  @AfterEach
  void stop() throws IOException {
    if (proxy != null) {
      proxy.close();
    }
    upstream.shutdown();
  }

  private YeastarClient client() {
    return YeastarClient.builder()
        .baseUrl(proxy.baseUrl())
        .accessToken("upstream-token")
        .maxRetries(0)
        .build();
  }

  @Test
  void conformingUpstreamPassesThroughTheProxy() throws Exception {
    String seed =
        Files.readString(
            PrismExtension.projectRoot().resolve("src/test/resources/seed-response.json"),
            StandardCharsets.UTF_8);
    upstream.enqueue(
        new MockResponse().setHeader("Content-Type", "application/json").setBody(seed));
    try (YeastarClient pbx = client()) {
      Page<Conference> page =
          pbx.conferences().list(ConferenceListParams.builder().page(1).pageSize(5).build());
      assertThat(page.items()).isEqualTo(SeedExample.conferences());
    }
    RecordedRequest forwarded = upstream.takeRequest();
    assertThat(forwarded.getRequestUrl().encodedPath()).isEqualTo("/openapi/v1.0/conference/list");
    assertThat(forwarded.getRequestUrl().queryParameter("access_token"))
        .isEqualTo("upstream-token");
  }

  @Test
  void nonConformingUpstreamIsReportedWithTheFieldsThatBrokeTheSpec() throws IOException {
    MockResponse wrongTypes =
        new MockResponse()
            .setHeader("Content-Type", "application/json")
            .setBody(
                "{\"errcode\":0,\"errmsg\":\"SUCCESS\",\"total_number\":1,"
                    + "\"data\":[{\"id\":\"one\",\"name\":\"A\",\"number\":6500}]}");
    upstream.enqueue(wrongTypes);
    try (YeastarClient pbx = client()) {
      HttpStatusException e =
          catchThrowableOfType(
              HttpStatusException.class,
              () ->
                  pbx.conferences()
                      .list(ConferenceListParams.builder().page(1).pageSize(5).build()));
      assertThat(e.status()).isEqualTo(500);
      assertThat(e.bodyExcerpt()).contains("Request/Response not valid");
    }
    upstream.enqueue(wrongTypes);
    OkHttpClient raw = new OkHttpClient();
    Request request =
        new Request.Builder()
            .url(
                proxy.baseUrl() + "/openapi/v1.0/conference/list?access_token=t&page=1&page_size=5")
            .header("User-Agent", "conformance-test")
            .build();
    try (Response response = raw.newCall(request).execute()) {
      assertThat(response.header("sl-violations"))
          .contains("data.0.id must be integer", "data.0.number must be string");
    } finally {
      raw.dispatcher().executorService().shutdown();
    }
  }
}
