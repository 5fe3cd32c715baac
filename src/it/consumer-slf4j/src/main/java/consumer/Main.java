package consumer;

import com.sun.net.httpserver.HttpServer;
import io.github.yeastarsdk.ConferenceListParams;
import io.github.yeastarsdk.HttpLogLevel;
import io.github.yeastarsdk.YeastarClient;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Makes two calls to a tiny in-process PBX with the HTTP log at BASIC and no log sink of its own:
 * the records go to System.Logger, which SLF4J's bridge hands to slf4j-simple (stderr).
 */
public final class Main {
  static final String TOKEN = "consumer-secret-token";
  private static final String EMPTY =
      "{\"errcode\":0,\"errmsg\":\"SUCCESS\",\"total_number\":0,\"data\":[]}";

  public static void main(String[] args) throws Exception {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/openapi/v1.0/conference/list",
        exchange -> {
          byte[] body = EMPTY.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    try (YeastarClient pbx =
        YeastarClient.builder()
            .baseUrl("http://127.0.0.1:" + server.getAddress().getPort())
            .accessToken(TOKEN)
            .logLevel(HttpLogLevel.BASIC)
            .build()) {
      pbx.conferences().list(ConferenceListParams.builder().page(1).pageSize(5).build());
      pbx.conferences().list(ConferenceListParams.builder().page(2).pageSize(5).build());
      System.out.println("consumer with slf4j: two calls made");
    } finally {
      server.stop(0);
    }
  }
}
