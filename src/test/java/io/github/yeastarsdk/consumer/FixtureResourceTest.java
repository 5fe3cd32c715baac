package io.github.yeastarsdk.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.yeastarsdk.ExtensionGetParams;
import io.github.yeastarsdk.ExtensionListParams;
import io.github.yeastarsdk.ExtensionService;
import io.github.yeastarsdk.FixtureExtension;
import io.github.yeastarsdk.FixtureServices;
import io.github.yeastarsdk.Page;
import io.github.yeastarsdk.PagingOptions;
import io.github.yeastarsdk.RawResponse;
import io.github.yeastarsdk.RequestOptions;
import io.github.yeastarsdk.errors.MalformedResponseException;
import java.io.IOException;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The fixture spec's two operations, a paged list and a single-item read, called from outside the
 * SDK's package in every form the generated resource offers. Nothing in the SDK was written by hand
 * for them: the spec, through the templates, made {@link ExtensionService} and its implementation.
 */
class FixtureResourceTest {
  private final MockWebServer server = new MockWebServer();
  private final ExtensionService extensions = FixtureServices.extensions(server.url("/"));

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  /** Five extensions, two to a page; extension/get answers the one asked for. */
  private void serveFive() {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            if (request.getRequestUrl().encodedPath().endsWith("/extension/get")) {
              String id = request.getRequestUrl().queryParameter("id");
              return json(
                  "{\"errcode\":0,\"errmsg\":\"SUCCESS\",\"data\":{\"id\":"
                      + id
                      + ",\"number\":\"10"
                      + id
                      + "\"}}");
            }
            int page = Integer.parseInt(request.getRequestUrl().queryParameter("page"));
            StringBuilder data = new StringBuilder();
            for (int id = page * 2 - 1; id <= Math.min(5, page * 2); id++) {
              data.append(data.length() == 0 ? "" : ",")
                  .append("{\"id\":")
                  .append(id)
                  .append(",\"number\":\"10")
                  .append(id)
                  .append("\"}");
            }
            return json(
                "{\"errcode\":0,\"errmsg\":\"SUCCESS\",\"total_number\":5,\"data\":["
                    + data
                    + "]}");
          }
        });
  }

  private static MockResponse json(String body) {
    return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
  }

  @Test
  void theSingleItemReadInEveryForm() {
    serveFive();
    ExtensionGetParams three = ExtensionGetParams.builder().id(3).build();
    assertThat(extensions.get(three)).isEqualTo(new FixtureExtension(3, "103"));
    assertThat(extensions.getAsync(three).join().number()).isEqualTo("103");
    RawResponse<FixtureExtension> raw = extensions.withRawResponse().get(three);
    assertThat(raw.statusCode()).isEqualTo(200);
    assertThat(raw.value().id()).isEqualTo(3);
    assertThat(extensions.withRawResponse().getAsync(three).join().value().id()).isEqualTo(3);
    assertThat(extensions.get(three, RequestOptions.builder().maxRetries(0).build()).id())
        .isEqualTo(3);
  }

  @Test
  void thePagedListInEveryForm() {
    serveFive();
    ExtensionListParams params = ExtensionListParams.builder().pageSize(2).build();
    Page<FixtureExtension> first = extensions.list(params);
    assertThat(first.items()).extracting(FixtureExtension::id).containsExactly(1, 2);
    assertThat(first.nextPage().items()).extracting(FixtureExtension::id).containsExactly(3, 4);
    assertThat(extensions.listAsync(params).join().totalNumber()).hasValue(5);
    assertThat(extensions.withRawResponse().list(params).value().items()).hasSize(2);
    assertThat(extensions.listAll(params))
        .extracting(FixtureExtension::id)
        .containsExactly(1, 2, 3, 4, 5);
    assertThat(extensions.listAll(params, PagingOptions.pagesInFlight(3)).stream().count())
        .isEqualTo(5);
  }

  @Test
  void aSuccessWithoutTheItemIsMalformed() {
    server.enqueue(json("{\"errcode\":0,\"errmsg\":\"SUCCESS\"}"));
    assertThatThrownBy(() -> extensions.get(ExtensionGetParams.builder().id(9).build()))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageStartingWith("a successful getExtension answer has no data");
  }
}
