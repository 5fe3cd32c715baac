package consumer;

import com.sun.net.httpserver.HttpServer;
import io.github.yeastarsdk.Conference;
import io.github.yeastarsdk.ConferenceListParams;
import io.github.yeastarsdk.Page;
import io.github.yeastarsdk.YeastarClient;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;

/**
 * An application with OkHttp of its own: it lists the conferences of a tiny in-process PBX through
 * the SDK, handing the SDK its own OkHttpClient, and prints the one jar of OkHttp and of Okio it
 * was launched with (ClassPathJars throws if there are more). The argument says how it was
 * launched.
 */
public final class Main {
  private static final String PAGE =
      "{\"errcode\":0,\"errmsg\":\"SUCCESS\",\"total_number\":1,\"data\":["
          + "{\"id\":1,\"name\":\"Room A\",\"number\":\"6501\",\"moderator_list\":[]}]}";

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/openapi/v1.0/conference/list",
        exchange -> {
          byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    OkHttpClient own = new OkHttpClient();
    try (YeastarClient pbx =
        YeastarClient.builder()
            .baseUrl("http://127.0.0.1:" + server.getAddress().getPort())
            .accessToken("consumer-token")
            .okHttpClient(own)
            .build()) {
      Page<Conference> page =
          pbx.conferences().list(ConferenceListParams.builder().page(1).pageSize(20).build());
      String names = page.items().stream().map(Conference::name).collect(Collectors.joining(","));
      if (!names.equals("Room A")) {
        throw new IllegalStateException("one conference decoded, got " + names);
      }
      System.out.println("consumer on the " + mode + ": listed " + names);
      System.out.println("consumer on the " + mode + ": " + ClassPathJars.oneOkHttpOneOkio());
      System.out.println(
          "consumer on the " + mode + ": kotlin=" + ClassPathJars.holding("kotlin/Unit.class"));
    } finally {
      server.stop(0);
      own.dispatcher().executorService().shutdown();
      own.connectionPool().evictAll();
    }
  }
}
