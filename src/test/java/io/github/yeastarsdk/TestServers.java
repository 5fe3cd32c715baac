package io.github.yeastarsdk;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntFunction;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/** Shared set-up for the tests that run the client against a MockWebServer. */
final class TestServers {
  static final String TOKEN = "4mZxlzE08rl3g7rE7wjoMIowMoVkMvUr";

  private TestServers() {}

  static YeastarClient.Builder client(MockWebServer server) {
    return YeastarClient.builder()
        .baseUrl(server.url("/").toString())
        .accessToken(TOKEN)
        .retryBackoff(Duration.ofMillis(1), Duration.ofMillis(5));
  }

  /** Serves {@code pages.apply(n)} for a request of page n, from as many threads as ask. */
  static void serve(MockWebServer server, IntFunction<MockResponse> pages) {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return pages.apply(Integer.parseInt(request.getRequestUrl().queryParameter("page")));
          }
        });
  }

  /**
   * Serves the token endpoints and hands every other request to {@code list}: get_token and
   * refresh_token issue access-N / refresh-N, counted by {@code issued}; del_token succeeds. Every
   * request is added to {@code requests}.
   */
  static void serveWithTokens(
      MockWebServer server,
      List<RecordedRequest> requests,
      AtomicInteger issued,
      Function<RecordedRequest, MockResponse> list) {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            requests.add(request);
            String path = request.getRequestUrl().encodedPath();
            if (path.endsWith("/get_token") || path.endsWith("/refresh_token")) {
              int n = issued.incrementAndGet();
              return tokens("access-" + n, "refresh-" + n);
            }
            if (path.endsWith("/del_token")) {
              return error(0, "SUCCESS");
            }
            return list.apply(request);
          }
        });
  }

  static MockResponse json(String body) {
    return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
  }

  static MockResponse error(int errcode, String errmsg) {
    return json("{\"errcode\":" + errcode + ",\"errmsg\":\"" + errmsg + "\"}");
  }

  /** A successful token answer: the access token lives 30 minutes, the refresh token a day. */
  static MockResponse tokens(String access, String refresh) {
    return json(
        "{\"errcode\":0,\"errmsg\":\"SUCCESS\",\"access_token\":\""
            + access
            + "\",\"access_token_expire_time\":1800,\"refresh_token\":\""
            + refresh
            + "\",\"refresh_token_expire_time\":86400}");
  }

  /** A successful page of {@code count} conferences numbered from {@code firstId}. */
  static MockResponse page(int total, int firstId, int count) {
    StringBuilder data = new StringBuilder();
    for (int i = 0; i < count; i++) {
      int id = firstId + i;
      if (i > 0) {
        data.append(',');
      }
      data.append("{\"id\":")
          .append(id)
          .append(",\"name\":\"Room ")
          .append(id)
          .append("\",\"number\":\"")
          .append(6000 + id)
          .append("\",\"moderator_list\":[]}");
    }
    return json(
        "{\"errcode\":0,\"errmsg\":\"SUCCESS\",\"total_number\":"
            + total
            + ",\"data\":["
            + data
            + "]}");
  }
}
