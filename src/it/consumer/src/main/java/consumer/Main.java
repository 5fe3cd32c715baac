package consumer;

import com.sun.net.httpserver.HttpServer;
import io.github.yeastarsdk.Conference;
import io.github.yeastarsdk.ConferenceListParams;
import io.github.yeastarsdk.Page;
import io.github.yeastarsdk.YeastarClient;
import io.github.yeastarsdk.YeastarJson;
import io.github.yeastarsdk.errors.TokenExpiredException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Lists the conferences of a tiny in-process PBX through the SDK, decodes and re-encodes one, and
 * maps an error answer to its exception; exits non-zero if anything differs from what the SDK
 * promises. The argument says how it was launched, which it checks too.
 */
public final class Main {
  private static final String PAGE =
      "{\"errcode\":0,\"errmsg\":\"SUCCESS\",\"total_number\":2,\"data\":["
          + "{\"id\":1,\"name\":\"Room A\",\"number\":\"6501\",\"moderator_list\":"
          + "[{\"id\":\"50\",\"name\":\"Emily Parker\",\"type\":\"extension\"}]},"
          + "{\"id\":2,\"name\":\"Room B\",\"number\":\"6502\",\"moderator_list\":[]}]}";
  private static final String EXPIRED = "{\"errcode\":10004,\"errmsg\":\"TOKEN EXPIRED\"}";

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    boolean modular = mode.equals("module-path");
    check(Main.class.getModule().isNamed() == modular, "the consumer runs on the " + mode);
    check(
        YeastarClient.class.getModule().isNamed() == modular,
        "the SDK is " + (modular ? "a named module" : "on the class path"));
    if (modular) {
      check(
          YeastarClient.class.getModule().getName().equals("io.github.yeastarsdk"),
          "the SDK's module is io.github.yeastarsdk");
    }

    AtomicInteger calls = new AtomicInteger();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/openapi/v1.0/conference/list",
        exchange -> {
          byte[] body =
              (calls.incrementAndGet() == 1 ? PAGE : EXPIRED).getBytes(StandardCharsets.UTF_8);
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
            .accessToken("consumer-token")
            .build()) {
      ConferenceListParams params = ConferenceListParams.builder().page(1).pageSize(20).build();
      Page<Conference> page = pbx.conferences().list(params);
      String names = page.items().stream().map(Conference::name).collect(Collectors.joining(","));
      check(names.equals("Room A,Room B"), "two conferences decoded, got " + names);
      String json = YeastarJson.moshi().adapter(Conference.class).toJson(page.items().get(0));
      check(json.contains("\"moderator_list\""), "re-encoded with the API's names: " + json);
      try {
        pbx.conferences().list(params);
        check(false, "errcode 10004 throws");
      } catch (TokenExpiredException expected) {
        check(expected.getMessage().contains("10004"), "the exception names the errcode");
      }
      System.out.println("consumer on the " + mode + ": listed " + names);
      System.out.println("consumer on the " + mode + ": " + ClassPathJars.oneOkHttpOneOkio());
    } finally {
      server.stop(0);
    }
  }

  private static void check(boolean condition, String what) {
    if (!condition) {
      System.err.println("consumer check failed: " + what);
      System.exit(1);
    }
  }
}
