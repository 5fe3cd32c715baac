package io.github.yeastarsdk;

import static io.github.yeastarsdk.TestServers.json;
import static io.github.yeastarsdk.TestServers.page;
import static io.github.yeastarsdk.TestServers.tokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code YeastarClient.fromEnv}, fed a map instead of the process's environment. */
class FromEnvTest {
  private static final String SECRET = "client-secret-from-env-123";

  private final MockWebServer server = new MockWebServer();

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  private Map<String, String> env(String... pairs) {
    Map<String, String> env = new HashMap<>();
    env.put("PBX_BASE_URL", server.url("/").toString());
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return env;
  }

  @Test
  void baseUrlAndAccessTokenMakeAWorkingClient() throws Exception {
    server.enqueue(page(1, 1, 1));
    try (YeastarClient pbx = YeastarClient.fromEnv(env("PBX_ACCESS_TOKEN", "env-token-1"))) {
      assertThat(
              pbx.conferences()
                  .list(ConferenceListParams.builder().page(1).pageSize(5).build())
                  .items())
          .hasSize(1);
    }
    RecordedRequest request = server.takeRequest();
    assertThat(request.getRequestUrl().queryParameter("access_token")).isEqualTo("env-token-1");
  }

  @Test
  void clientIdAndSecretMakeAClientThatGetsItsOwnToken() throws Exception {
    server.enqueue(tokens("issued-1", "r-1"));
    server.enqueue(page(1, 1, 1));
    server.enqueue(json("{\"errcode\":0,\"errmsg\":\"SUCCESS\"}"));
    try (YeastarClient pbx =
        YeastarClient.fromEnv(env("PBX_CLIENT_ID", "app-1", "PBX_CLIENT_SECRET", SECRET))) {
      pbx.conferences().list(ConferenceListParams.builder().page(1).pageSize(5).build());
    }
    RecordedRequest getToken = server.takeRequest();
    assertThat(getToken.getRequestUrl().encodedPath()).endsWith("/get_token");
    assertThat(getToken.getBody().readUtf8()).contains("\"app-1\"").contains(SECRET);
    assertThat(server.takeRequest().getRequestUrl().queryParameter("access_token"))
        .isEqualTo("issued-1");
  }

  @Test
  void pbxLogSetsTheLogLevelAndLaterBuilderSettingsStillApply() {
    server.enqueue(page(1, 1, 1));
    List<String> lines = new CopyOnWriteArrayList<>();
    try (YeastarClient pbx =
        YeastarClient.builder()
            .fromEnv(env("PBX_ACCESS_TOKEN", "env-token-1", "PBX_LOG", "Headers"))
            .logSink(lines::add)
            .build()) {
      pbx.conferences().list(ConferenceListParams.builder().page(1).pageSize(5).build());
    }
    // One record for the one exchange, a line per header: headers, no body.
    assertThat(lines).singleElement().asString().startsWith("--> GET").contains("\nUser-Agent: ");
    assertThat(lines).noneMatch(line -> line.contains("env-token-1"));
    assertThat(lines).noneMatch(line -> line.contains("\"errcode\""));
  }

  @Test
  void blankVariablesCountAsNotSet() {
    Map<String, String> env = env("PBX_ACCESS_TOKEN", "env-token-1", "PBX_CLIENT_ID", " ");
    env.put("PBX_LOG", "");
    try (YeastarClient pbx = YeastarClient.fromEnv(env)) {
      assertThat(pbx.baseUrl()).isEqualTo(server.url("/").toString());
    }
  }

  @Test
  void missingVariablesAreNamed() {
    assertThatThrownBy(() -> YeastarClient.fromEnv(Map.of("PBX_ACCESS_TOKEN", "t")))
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("PBX_BASE_URL is not set");
    assertThatThrownBy(() -> YeastarClient.fromEnv(env()))
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage("no credentials: set PBX_ACCESS_TOKEN, or PBX_CLIENT_ID and PBX_CLIENT_SECRET");
    assertThatThrownBy(() -> YeastarClient.fromEnv(env("PBX_CLIENT_ID", "app-1")))
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage("PBX_CLIENT_SECRET is not set, but PBX_CLIENT_ID is");
    assertThatThrownBy(() -> YeastarClient.fromEnv(env("PBX_CLIENT_SECRET", SECRET)))
        .hasMessage("PBX_CLIENT_ID is not set, but PBX_CLIENT_SECRET is");
  }

  @Test
  void conflictingAndBadVariablesAreNamedWithoutTheirSecrets() {
    assertThatThrownBy(
            () ->
                YeastarClient.fromEnv(
                    env("PBX_ACCESS_TOKEN", "env-token-1", "PBX_CLIENT_SECRET", SECRET)))
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage("set either PBX_ACCESS_TOKEN or PBX_CLIENT_ID and PBX_CLIENT_SECRET, not both")
        .message()
        .doesNotContain(SECRET)
        .doesNotContain("env-token-1");
    assertThatThrownBy(() -> YeastarClient.fromEnv(env("PBX_ACCESS_TOKEN", "t", "PBX_LOG", "all")))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("PBX_LOG must be none, basic, headers or body, was \"all\"");
  }

  @Test
  void aBadBaseUrlIsReportedUnderItsVariable() {
    Map<String, String> withPath = env("PBX_ACCESS_TOKEN", "t");
    withPath.put("PBX_BASE_URL", "https://pbx.example.com/openapi/v1.0");
    assertThatThrownBy(() -> YeastarClient.fromEnv(withPath))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("PBX_BASE_URL: baseUrl must be scheme://host[:port] with no path");
    Map<String, String> plainHttp = env("PBX_ACCESS_TOKEN", "t");
    plainHttp.put("PBX_BASE_URL", "http://pbx.example.com");
    assertThatThrownBy(() -> YeastarClient.fromEnv(plainHttp))
        .hasMessageStartingWith("PBX_BASE_URL: baseUrl uses plain http to pbx.example.com");
    // Set in code, the same mistake is reported under the builder's name for it.
    assertThatThrownBy(
            () ->
                YeastarClient.builder().baseUrl("http://pbx.example.com").accessToken("t").build())
        .hasMessageStartingWith("baseUrl uses plain http");
  }
}
