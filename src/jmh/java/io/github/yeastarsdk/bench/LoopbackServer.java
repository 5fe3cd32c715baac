package io.github.yeastarsdk.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP server that answers conference/list pages from memory, optionally after a delay.
 * It is the JDK's server with TCP_NODELAY, because MockWebServer writes headers and body apart and
 * Nagle's algorithm then adds about 40 ms to every call, which would hide what is measured.
 */
final class LoopbackServer implements AutoCloseable {
  private final HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();
  // Bodies are made once: the server's own work must not count as the client's.
  private final Map<String, byte[]> bodies = new ConcurrentHashMap<>();

  /** Answers page n of {@code total} conferences in pages of the requested size. */
  LoopbackServer(int total, long delayMillis) throws IOException {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(
        "/openapi/v1.0/conference/list",
        exchange -> {
          requests.incrementAndGet();
          int page = 1;
          int size = 20;
          for (String pair : exchange.getRequestURI().getRawQuery().split("&")) {
            if (pair.startsWith("page=")) {
              page = Integer.parseInt(pair.substring(5));
            } else if (pair.startsWith("page_size=")) {
              size = Integer.parseInt(pair.substring(10));
            }
          }
          int first = (page - 1) * size + 1;
          byte[] body =
              BenchData.page(first, Math.max(0, Math.min(size, total - first + 1)), total);
          if (delayMillis > 0) {
            try {
              Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  /**
   * Serves {@code args[0]} conferences (default 100) until the process is stopped, printing the
   * base URL: a server for timing the cold-start jars with a whole-process timer by hand.
   */
  public static void main(String[] args) throws IOException {
    LoopbackServer server =
        new LoopbackServer(args.length > 0 ? Integer.parseInt(args[0]) : 100, 0);
    System.out.println(server.baseUrl());
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  /** Requests answered since the last reset. */
  int requests() {
    return requests.get();
  }

  void resetRequests() {
    requests.set(0);
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
