package io.github.yeastarsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.yeastarsdk.cli.CliProcess.Result;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The built jar, run as a process: output, exit status, and one line on stderr on failure. */
class ListConferencesCliIT {
  static final String TOKEN = "cli-secret-token";
  private final MockWebServer server = new MockWebServer();
  private String baseUrl;

  @BeforeEach
  void start() throws IOException {
    server.start();
    baseUrl = "http://127.0.0.1:" + server.getPort();
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  static MockResponse json(String body) {
    return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
  }

  static String page(int total, String moderatorType, int... ids) {
    StringBuilder data = new StringBuilder();
    for (int id : ids) {
      data.append(data.length() == 0 ? "" : ",")
          .append("{\"id\":")
          .append(id)
          .append(",\"name\":\"Room ")
          .append(id)
          .append("\",\"number\":\"")
          .append(6500 + id)
          .append("\",\"moderator_list\":[{\"id\":\"50\",\"name\":\"Emily Parker\",\"type\":\"")
          .append(moderatorType)
          .append("\"}]}");
    }
    return "{\"errcode\":0,\"errmsg\":\"SUCCESS\",\"total_number\":"
        + total
        + ",\"data\":["
        + data
        + "]}";
  }

  /** A failure: a non-zero status, one line on stderr, no stack trace and no token anywhere. */
  static void assertOneLineFailure(Result result, int status, String line) {
    assertThat(result.status()).as(result.err()).isEqualTo(status);
    assertThat(result.errLines()).hasSize(1);
    assertThat(result.errLines().get(0)).startsWith(line);
    assertThat(result.err()).doesNotContain("\tat ", "Exception in thread");
    assertThat(result.out() + result.err()).doesNotContain(TOKEN);
  }

  @Test
  void helpPrintsTheUsageAndExitsZero() throws Exception {
    Result result = CliProcess.run(Map.of(), "--help");
    assertThat(result.status()).isZero();
    assertThat(result.out())
        .startsWith("Usage: list-conferences [options]")
        .contains("--base-url <URL>", "--token <TOKEN>", "--json", "--all", "PBX_ACCESS_TOKEN");
    assertThat(result.err()).isEmpty();
    // The options in the table's order, and no line padded to the width.
    List<String> table =
        result
            .out()
            .lines()
            .filter(line -> line.startsWith("-"))
            .map(l -> l.split(" ")[0])
            .toList();
    assertThat(table)
        .startsWith("-h,", "-V,", "--base-url", "--token", "--page", "--page-size")
        .endsWith("--allow-insecure-http");
    assertThat(result.out().lines()).noneMatch(line -> line.endsWith(" "));
  }

  @Test
  void listsOneConferencePerLine() throws Exception {
    server.enqueue(json(page(2, "extension", 1, 2)));
    Result result = CliProcess.run(Map.of("PBX_ACCESS_TOKEN", TOKEN), "--base-url", baseUrl);
    assertThat(result.status()).as(result.err()).isZero();
    assertThat(result.out().lines())
        .containsExactly(
            "6501    Room 1                           Emily Parker",
            "6502    Room 2                           Emily Parker");
    assertThat(result.err()).isEmpty();
    RecordedRequest request = server.takeRequest();
    assertThat(request.getPath()).startsWith("/openapi/v1.0/conference/list?");
    assertThat(request.getRequestUrl().queryParameter("access_token")).isEqualTo(TOKEN);
  }

  @Test
  void jsonPrintsJsonLinesWithTheApiFieldNamesAcrossPages() throws Exception {
    server.enqueue(json(page(3, "extension", 1, 2)));
    server.enqueue(json(page(3, "extension", 3)));
    Result result =
        CliProcess.run(
            Map.of(),
            "--base-url",
            baseUrl,
            "--token",
            TOKEN,
            "--json",
            "--all",
            "--page-size",
            "2",
            "--sort-by",
            "name",
            "--order-by",
            "desc");
    assertThat(result.status()).as(result.err()).isZero();
    assertThat(result.out().lines())
        .hasSize(3)
        .first()
        .isEqualTo(
            "{\"id\":1,\"name\":\"Room 1\",\"number\":\"6501\",\"moderator_list\":"
                + "[{\"id\":\"50\",\"name\":\"Emily Parker\",\"type\":\"extension\"}]}");
    RecordedRequest first = server.takeRequest();
    assertThat(first.getRequestUrl().queryParameter("sort_by")).isEqualTo("name");
    assertThat(first.getRequestUrl().queryParameter("order_by")).isEqualTo("desc");
    assertThat(server.takeRequest().getRequestUrl().queryParameter("page")).isEqualTo("2");
  }

  @Test
  void anUnknownModeratorTypeIsPrintedAsJsonOrReportedInOneLine() throws Exception {
    server.enqueue(json(page(1, "ext_group_v9", 1)));
    Result result = CliProcess.run(Map.of(), "--base-url", baseUrl, "--token", TOKEN, "--json");
    if (result.status() == 0) { // the SDK keeps the wire value and writes it back
      assertThat(result.out()).contains("\"type\":\"ext_group_v9\"");
      assertThat(result.err()).isEmpty();
    } else {
      assertOneLineFailure(result, 1, "error: cannot write conference 6501 as JSON: ");
    }
  }

  @Test
  void aRefusedConnectionIsOneLine() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Result result =
        CliProcess.run(
            Map.of("PBX_ACCESS_TOKEN", TOKEN), "--base-url", "http://127.0.0.1:" + closedPort);
    assertOneLineFailure(result, 1, "error: cannot reach the PBX: ");
  }

  @Test
  void anApiErrorIsOneLineNamingErrcodeAndErrmsg() throws Exception {
    server.enqueue(json("{\"errcode\":10004,\"errmsg\":\"TOKEN EXPIRED\"}"));
    Result result = CliProcess.run(Map.of(), "--base-url", baseUrl, "--token", TOKEN);
    assertOneLineFailure(result, 1, "error: the PBX answered with an error: errcode 10004");
    assertThat(result.err())
        .contains("10004", "TOKEN EXPIRED")
        .contains("the access token from --token is expired or not known to this PBX");

    server.enqueue(json("{\"errcode\":10004,\"errmsg\":\"TOKEN EXPIRED\"}"));
    Result fromEnv = CliProcess.run(Map.of("PBX_ACCESS_TOKEN", TOKEN), "--base-url", baseUrl);
    assertOneLineFailure(fromEnv, 1, "error: the PBX answered with an error: errcode 10004");
    assertThat(fromEnv.err()).contains("the access token from PBX_ACCESS_TOKEN is expired");

    server.enqueue(json("{\"errcode\":10002,\"errmsg\":\"ACCESS DENIED\"}"));
    Result other = CliProcess.run(Map.of(), "--base-url", baseUrl, "--token", TOKEN);
    assertOneLineFailure(other, 1, "error: the PBX answered with an error: errcode 10002");
    assertThat(other.err()).doesNotContain("access token from");
  }

  @Test
  void aProxyPageEchoingTheTokenIsOneLineWithoutIt() throws Exception {
    for (int attempt = 1; attempt <= 3; attempt++) { // a 502 is retried twice
      server.enqueue(
          new MockResponse()
              .setResponseCode(502)
              .setHeader("Retry-After", "0")
              .setBody(
                  "<html>\n<title>Bad gateway</title>\n<p>upstream failed for"
                      + " /openapi/v1.0/conference/list?access_token="
                      + TOKEN
                      + "\n</html>"));
    }
    Result result = CliProcess.run(Map.of(), "--base-url", baseUrl, "--token", TOKEN, "--verbose");
    assertThat(result.status()).isEqualTo(1);
    assertThat(result.err()).doesNotContain(TOKEN, "\tat ");
    assertThat(result.out()).isEmpty();
    // --verbose adds the HTTP log; the failure itself is still the last and only "error:" line.
    assertThat(result.errLines()).filteredOn(l -> l.startsWith("error: ")).hasSize(1);
    assertThat(result.errLines()).last().asString().startsWith("error: unexpected HTTP 502");
  }

  @Test
  void badArgumentsAreOneLineAndExitTwo() throws Exception {
    assertOneLineFailure(
        CliProcess.run(Map.of(), "--token", TOKEN),
        2,
        "error: a base URL is required: --base-url or PBX_BASE_URL");
    assertOneLineFailure(
        CliProcess.run(Map.of(), "--base-url", baseUrl, "--tokn", TOKEN),
        2,
        "error: unknown option --tokn");
    assertOneLineFailure(
        CliProcess.run(Map.of(), "--base-url", baseUrl, "--token", TOKEN, "--page", "two"),
        2,
        "error: --page must be a whole number, was 'two' (see --help)");
    assertOneLineFailure(
        CliProcess.run(Map.of(), "--base-url", baseUrl, "--token", TOKEN, "--page", "0"),
        2,
        "error: --page must be at least 1, was 0 (see --help)");
    assertOneLineFailure(
        CliProcess.run(Map.of(), "--base-url", baseUrl, "--token", TOKEN, "--sort-by", "size"),
        2,
        "error: --sort-by must be one of number, name, was 'size' (see --help)");
    assertOneLineFailure(
        CliProcess.run(Map.of(), "--base-url", baseUrl, "--tok", TOKEN),
        2,
        "error: unknown option --tok (see --help)");
    assertOneLineFailure(
        CliProcess.run(Map.of(), "--base-url", baseUrl, "--tokn=" + TOKEN),
        2,
        "error: unknown option --tokn (see --help)");
    assertOneLineFailure(
        CliProcess.run(Map.of(), "--base-url", baseUrl, "--token", TOKEN, TOKEN),
        2,
        "error: unexpected argument: word 5 of the command line is not an option or its value"
            + " (see --help)");
    assertOneLineFailure(
        CliProcess.run(
            Map.of(), "--base-url", baseUrl, "--token", TOKEN, "--page", "2", "--page", "3"),
        2,
        "error: --page is given more than once");
    assertOneLineFailure(
        CliProcess.run(Map.of(), "--base-url", baseUrl, "--token"),
        2,
        "error: --token needs a value (TOKEN)");
    assertOneLineFailure(
        CliProcess.run(Map.of(), "--base-url", baseUrl), 2, "error: a token is required");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void clientCredentialsGetATokenAndRevokeItWithoutPrintingSecrets() throws Exception {
    server.enqueue(
        json(
            "{\"errcode\":0,\"errmsg\":\"SUCCESS\",\"access_token\":\"fresh-access-token\","
                + "\"access_token_expire_time\":1800,\"refresh_token\":\"fresh-refresh-token\","
                + "\"refresh_token_expire_time\":86400}"));
    server.enqueue(json(page(1, "extension", 1)));
    server.enqueue(json("{\"errcode\":0,\"errmsg\":\"SUCCESS\"}"));
    Result result =
        CliProcess.run(
            Map.of("PBX_CLIENT_ID", "client-id", "PBX_CLIENT_SECRET", "very-secret-value"),
            "--base-url",
            baseUrl,
            "--verbose");
    assertThat(result.status()).as(result.err()).isZero();
    assertThat(result.out().lines()).hasSize(1);
    assertThat(result.err()).contains("--> GET", "<-- 200");
    assertThat(result.out() + result.err())
        .doesNotContain("very-secret-value", "fresh-access-token", "fresh-refresh-token");
    assertThat(server.takeRequest().getPath()).isEqualTo("/openapi/v1.0/get_token");
    assertThat(server.takeRequest().getRequestUrl().queryParameter("access_token"))
        .isEqualTo("fresh-access-token");
    assertThat(server.takeRequest().getPath()).startsWith("/openapi/v1.0/del_token");
  }
}
