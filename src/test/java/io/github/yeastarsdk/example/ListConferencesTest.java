package io.github.yeastarsdk.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ListConferencesTest {
  private static final String TOKEN = "cli-secret-token";
  private final MockWebServer server = new MockWebServer();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  private int run(Map<String, String> env, String... args) {
    return ListConferences.run(
        args,
        env,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private static MockResponse json(String body) {
    return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
  }

  private static String page(int total, int... ids) {
    StringBuilder data = new StringBuilder();
    for (int id : ids) {
      data.append(data.length() == 0 ? "" : ",")
          .append("{\"id\":")
          .append(id)
          .append(",\"name\":\"Room ")
          .append(id)
          .append("\",\"number\":\"")
          .append(6500 + id)
          .append(
              "\",\"moderator_list\":[{\"id\":\"50\",\"name\":\"Emily Parker\",\"type\":\"extension\"}]}");
    }
    return "{\"errcode\":0,\"errmsg\":\"SUCCESS\",\"total_number\":"
        + total
        + ",\"data\":["
        + data
        + "]}";
  }

  @Test
  void jsonPrintsOneConferencePerLineWithTheApiFieldNames() {
    server.enqueue(json(page(2, 1, 2)));
    int code =
        run(Map.of("PBX_ACCESS_TOKEN", TOKEN), "--base-url", server.url("/").toString(), "--json");
    assertThat(code).isZero();
    assertThat(out().lines())
        .containsExactly(
            "{\"id\":1,\"name\":\"Room 1\",\"number\":\"6501\",\"moderator_list\":[{\"id\":\"50\",\"name\":\"Emily Parker\",\"type\":\"extension\"}]}",
            "{\"id\":2,\"name\":\"Room 2\",\"number\":\"6502\",\"moderator_list\":[{\"id\":\"50\",\"name\":\"Emily Parker\",\"type\":\"extension\"}]}");
  }

  @Test
  void allFollowsEveryPage() throws Exception {
    server.enqueue(json(page(3, 1, 2)));
    server.enqueue(json(page(3, 3)));
    int code =
        run(
            Map.of(),
            "--base-url",
            server.url("/").toString(),
            "--token",
            TOKEN,
            "--all",
            "--page-size",
            "2",
            "--sort-by",
            "name",
            "--order-by",
            "desc");
    assertThat(code).isZero();
    assertThat(out().lines()).hasSize(3).allMatch(l -> l.contains("Emily Parker"));
    assertThat(server.takeRequest().getRequestUrl().queryParameter("sort_by")).isEqualTo("name");
    assertThat(server.takeRequest().getRequestUrl().queryParameter("page")).isEqualTo("2");
  }

  @Test
  void apiFailureIsOneLineNamingErrcodeAndErrmsg() {
    server.enqueue(json("{\"errcode\":10004,\"errmsg\":\"TOKEN EXPIRED\"}"));
    int code = run(Map.of(), "--base-url", server.url("/").toString(), "--token", TOKEN);
    assertThat(code).isEqualTo(1);
    assertThat(err().lines())
        .containsExactly("error: the PBX answered errcode 10004 TOKEN EXPIRED");
  }

  @Test
  void httpFailureNamesTheStatus() {
    server.enqueue(new MockResponse().setResponseCode(404).setBody("no such page"));
    int code = run(Map.of(), "--base-url", server.url("/").toString(), "--token", TOKEN);
    assertThat(code).isEqualTo(1);
    assertThat(err()).startsWith("error: unexpected HTTP 404: no such page");
  }

  @Test
  void verboseLogsTheExchangeWithoutTheToken() {
    server.enqueue(json(page(1, 1)));
    int code =
        run(Map.of(), "--base-url", server.url("/").toString(), "--token", TOKEN, "--verbose");
    assertThat(code).isZero();
    assertThat(err()).contains("--> GET", "<-- 200").doesNotContain(TOKEN);
    assertThat(out()).doesNotContain(TOKEN);
  }

  @Test
  void badUsageExitsTwoNamingTheProblem() {
    assertThat(run(Map.of(), "--token", TOKEN)).isEqualTo(2);
    assertThat(err()).startsWith("error: --base-url is required");
    err.reset();
    assertThat(
            run(Map.of(), "--base-url", "https://pbx.example.com", "--token", TOKEN, "--page", "0"))
        .isEqualTo(2);
    assertThat(err()).startsWith("error: page must be at least 1, was 0");
    err.reset();
    assertThat(
            run(
                Map.of(),
                "--base-url",
                "https://pbx.example.com",
                "--sort-by",
                "size",
                "--token",
                TOKEN))
        .isEqualTo(2);
    assertThat(err()).startsWith("error: --sort-by does not accept size");
  }

  @Test
  void clientCredentialsFromTheEnvironmentGetATokenAndRevokeIt() throws Exception {
    server.enqueue(
        json(
            "{\"errcode\":0,\"errmsg\":\"SUCCESS\",\"access_token\":\"fresh-token\","
                + "\"access_token_expire_time\":1800,\"refresh_token\":\"r\","
                + "\"refresh_token_expire_time\":86400}"));
    server.enqueue(json(page(1, 1)));
    server.enqueue(json("{\"errcode\":0,\"errmsg\":\"SUCCESS\"}"));
    int code =
        run(
            Map.of("PBX_CLIENT_ID", "id", "PBX_CLIENT_SECRET", "very-secret"),
            "--base-url",
            server.url("/").toString(),
            "--verbose");
    assertThat(code).isZero();
    assertThat(server.takeRequest().getPath()).isEqualTo("/openapi/v1.0/get_token");
    assertThat(server.takeRequest().getRequestUrl().queryParameter("access_token"))
        .isEqualTo("fresh-token");
    assertThat(server.takeRequest().getPath()).startsWith("/openapi/v1.0/del_token");
    assertThat(err() + out()).doesNotContain("very-secret", "fresh-token");
  }

  @Test
  void missingTokenIsNamed() {
    assertThat(run(Map.of(), "--base-url", "https://pbx.example.com")).isEqualTo(2);
    assertThat(err()).contains("PBX_ACCESS_TOKEN");
  }
}
