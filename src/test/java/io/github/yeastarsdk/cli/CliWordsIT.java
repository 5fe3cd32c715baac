package io.github.yeastarsdk.cli;

import static io.github.yeastarsdk.cli.ListConferencesCliIT.TOKEN;
import static io.github.yeastarsdk.cli.ListConferencesCliIT.assertOneLineFailure;
import static io.github.yeastarsdk.cli.ListConferencesCliIT.json;
import static io.github.yeastarsdk.cli.ListConferencesCliIT.page;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.yeastarsdk.cli.CliProcess.Result;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The built jar, run as a process: the tool speaks of its own options and environment variables,
 * and each failure says what happened, in the user's terms.
 */
class CliWordsIT {
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

  @Test
  void theBaseUrlComesFromPbxBaseUrlUnlessGivenAsAnOption() throws Exception {
    server.enqueue(json(page(1, "extension", 1)));
    Result fromEnv =
        CliProcess.run(Map.of("PBX_BASE_URL", baseUrl, "PBX_ACCESS_TOKEN", TOKEN), "--json");
    assertThat(fromEnv.status()).as(fromEnv.err()).isZero();
    assertThat(fromEnv.out().lines()).hasSize(1);

    server.enqueue(json(page(1, "extension", 1)));
    Result option =
        CliProcess.run(
            Map.of("PBX_BASE_URL", "https://pbx.invalid", "PBX_ACCESS_TOKEN", TOKEN),
            "--base-url",
            baseUrl);
    assertThat(option.status()).as(option.err()).isZero();
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void messagesAboutGivenValuesNameTheOptionsNotTheJavaApi() throws Exception {
    Map<String, String> token = Map.of("PBX_ACCESS_TOKEN", TOKEN);
    Result path = CliProcess.run(token, "--base-url", "https://pbx.example.com/api");
    assertOneLineFailure(path, 2, "error: --base-url must be scheme://host[:port] with no path");
    Result insecure = CliProcess.run(token, "--base-url", "http://pbx.example.com");
    assertOneLineFailure(insecure, 2, "error: --base-url uses plain http to pbx.example.com");
    assertThat(insecure.err()).contains("or --allow-insecure-http on a trusted network");
    Result fromEnv =
        CliProcess.run(Map.of("PBX_ACCESS_TOKEN", TOKEN, "PBX_BASE_URL", "http://pbx.example.com"));
    assertOneLineFailure(fromEnv, 2, "error: PBX_BASE_URL uses plain http to pbx.example.com");
    Result pageSize = CliProcess.run(token, "--base-url", baseUrl, "--page-size", "0");
    assertOneLineFailure(pageSize, 2, "error: --page-size must be at least 1, was 0 (see --help)");
    for (Result result : new Result[] {path, insecure, fromEnv, pageSize}) {
      assertThat(result.err())
          .doesNotContain("baseUrl", "allowInsecureHttp", "pageSize", "(true)", "SDK");
    }
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void halfACredentialPairNamesTheMissingHalf() throws Exception {
    Result idOnly = CliProcess.run(Map.of("PBX_CLIENT_ID", "client-id"), "--base-url", baseUrl);
    assertOneLineFailure(
        idOnly, 2, "error: PBX_CLIENT_SECRET is not set, but PBX_CLIENT_ID is: set both");
    Result secretOnly =
        CliProcess.run(Map.of("PBX_CLIENT_SECRET", "very-secret-value"), "--base-url", baseUrl);
    assertOneLineFailure(
        secretOnly, 2, "error: PBX_CLIENT_ID is not set, but PBX_CLIENT_SECRET is: set both");
    assertThat(secretOnly.err()).doesNotContain("very-secret-value");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void rejectedCredentialsSaySoInOneReadableSentence() throws Exception {
    server.enqueue(json("{\"errcode\":-1,\"errmsg\":\"FAILURE\"}"));
    Result result =
        CliProcess.run(
            Map.of("PBX_CLIENT_ID", "client-id", "PBX_CLIENT_SECRET", "very-secret-value"),
            "--base-url",
            baseUrl);
    assertOneLineFailure(
        result,
        1,
        "error: the PBX rejected PBX_CLIENT_ID and PBX_CLIENT_SECRET: errcode -1 FAILURE");
    assertThat(result.err()).doesNotContain("answered get_token", "very-secret-value");
  }

  @Test
  void aPagePastTheEndSaysSoOnStderrAndExitsZero() throws Exception {
    server.enqueue(json(page(3, "extension")));
    Result one = CliProcess.run(Map.of(), "--base-url", baseUrl, "--token", TOKEN, "--page", "99");
    assertThat(one.status()).as(one.err()).isZero();
    assertThat(one.out()).isEmpty();
    assertThat(one.err().strip())
        .isEqualTo(
            "note: page 99 is past the end of the list: the PBX has 3 conferences, 1 page of 20");

    server.enqueue(json(page(3, "extension")));
    Result all =
        CliProcess.run(Map.of(), "--base-url", baseUrl, "--token", TOKEN, "--page", "99", "--all");
    assertThat(all.status()).as(all.err()).isZero();
    assertThat(all.out()).isEmpty();
    assertThat(all.err().strip()).startsWith("note: page 99 is past the end of the list");

    server.enqueue(json(page(0, "extension")));
    Result empty = CliProcess.run(Map.of(), "--base-url", baseUrl, "--token", TOKEN);
    assertThat(empty.status()).isZero();
    assertThat(empty.out() + empty.err())
        .as("page 1 of an empty list is not past its end")
        .isEmpty();
  }

  @Test
  void httpsToAPlainHttpServerSaysSo() throws Exception {
    // A plain-http server that answers whatever it is sent (a TLS hello, here) with an HTTP 400,
    // as web servers do; the JDK then reports an unrecognized SSL message.
    try (ServerSocket plain = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread answering =
          new Thread(
              () -> {
                while (!plain.isClosed()) {
                  try (Socket socket = plain.accept()) {
                    socket.getInputStream().read(new byte[4096]);
                    socket
                        .getOutputStream()
                        .write(
                            ("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n"
                                    + "Connection: close\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                  } catch (IOException closed) {
                    return;
                  }
                }
              });
      answering.setDaemon(true);
      answering.start();
      Result result =
          CliProcess.run(
              Map.of(),
              "--base-url",
              "https://127.0.0.1:" + plain.getLocalPort(),
              "--token",
              TOKEN);
      assertOneLineFailure(
          result,
          1,
          "error: --base-url says https, but the server answered in plain http, not TLS");
    }
  }

  @Test
  void anAnswerCutShortNeverSaysThePbxCouldNotBeReached() throws Exception {
    server.enqueue(
        json(page(2, "extension", 1, 2))
            .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
    Result cut = CliProcess.run(Map.of(), "--base-url", baseUrl, "--token", TOKEN);
    assertOneLineFailure(cut, 1, "error: the PBX answered, but its answer was cut short: ");

    for (int attempt = 1; attempt <= 3; attempt++) { // no answer at all is retried twice
      server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
    }
    Result closed = CliProcess.run(Map.of(), "--base-url", baseUrl, "--token", TOKEN);
    assertOneLineFailure(
        closed, 1, "error: the connection to the PBX failed before it answered: no answer");
    assertThat(cut.err() + closed.err()).doesNotContain("cannot reach");
  }

  @Test
  void versionNamesTheToolOkHttpAndJava() throws Exception {
    Result result = CliProcess.run(Map.of(), "--version");
    assertThat(result.status()).isZero();
    assertThat(result.err()).isEmpty();
    assertThat(result.out().lines())
        .hasSize(2)
        .first()
        .asString()
        .matches("list-conferences \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    assertThat(result.out().lines().toList().get(1))
        .matches("OkHttp \\d+\\.\\d+\\.\\d+, Java " + Runtime.version().feature() + ".*");
    assertThat(CliProcess.run(Map.of(), "-V").out()).isEqualTo(result.out());
  }
}
