package io.github.yeastarsdk;

import static io.github.yeastarsdk.TestServers.TOKEN;
import static io.github.yeastarsdk.TestServers.client;
import static io.github.yeastarsdk.TestServers.json;
import static io.github.yeastarsdk.TestServers.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.yeastarsdk.errors.TransportException;
import io.github.yeastarsdk.internal.HttpLogger;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP log: one record per exchange, under the logger io.github.yeastarsdk (System.Logger, here
 * received by java.util.logging as it is when no bridge is installed), bodies bounded, PBX_LOG.
 */
class HttpLogRecordsTest {
  // Held here: java.util.logging keeps loggers only weakly, and the handler must stay attached.
  private static final Logger SDK_LOGGER = Logger.getLogger("io.github.yeastarsdk");

  private final MockWebServer server = new MockWebServer();
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          record.getSourceClassName(); // inferred now, on the logging thread, as a handler would
          records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void start() throws IOException {
    server.start();
    SDK_LOGGER.addHandler(capture);
  }

  @AfterEach
  void stop() throws IOException {
    SDK_LOGGER.removeHandler(capture);
    server.shutdown();
  }

  @Test
  void eachExchangeIsOneRecordUnderTheSdkLoggerWithASensibleSource() {
    TestServers.serve(server, n -> page(3, n, 1));
    try (YeastarClient pbx = client(server).logLevel(HttpLogLevel.BODY).build()) {
      List<Conference> all =
          pbx.conferences().listAll(ConferenceListParams.builder().pageSize(1).build()).stream()
              .toList();
      assertThat(all).hasSize(3);
    }
    assertThat(records).hasSize(server.getRequestCount()).hasSize(3);
    for (LogRecord record : records) {
      assertThat(record.getLoggerName()).isEqualTo("io.github.yeastarsdk");
      assertThat(record.getLevel()).isEqualTo(Level.INFO);
      assertThat(record.getSourceClassName())
          .isEqualTo("io.github.yeastarsdk.internal.HttpLogSink");
      assertThat(record.getSourceMethodName()).isEqualTo("exchange");
      assertThat(record.getMessage())
          .startsWith("--> GET ")
          .contains("\nUser-Agent: ", "\n<-- 200 ", "\"total_number\":3")
          .doesNotContain(TOKEN)
          .contains("access_token=██");
    }
  }

  @Test
  void aRetriedCallIsOneRecordPerAttempt() {
    // 502: OkHttp itself repeats a 503 that says Retry-After: 0, below the SDK's interceptors.
    server.enqueue(new MockResponse().setResponseCode(502));
    server.enqueue(page(1, 1, 1));
    List<String> sink = new CopyOnWriteArrayList<>();
    try (YeastarClient pbx =
        client(server).logLevel(HttpLogLevel.BASIC).logSink(sink::add).build()) {
      pbx.conferences().list(ConferenceListParams.builder().page(1).pageSize(1).build());
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(sink).hasSize(2);
    assertThat(sink.get(0)).startsWith("--> GET ").contains("\n<-- 502 ");
    assertThat(sink.get(1)).startsWith("--> GET ").contains("\n<-- 200 ");
    assertThat(sink).allSatisfy(record -> assertThat(record.lines()).hasSize(2));
    assertThat(records).as("a sink of its own replaces the System.Logger").isEmpty();
  }

  @Test
  void aFailedExchangeIsOneRecordEndingInTheFailure() {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
    List<String> sink = new CopyOnWriteArrayList<>();
    try (YeastarClient pbx =
        client(server).maxRetries(0).logLevel(HttpLogLevel.HEADERS).logSink(sink::add).build()) {
      assertThatThrownBy(
              () ->
                  pbx.conferences()
                      .list(ConferenceListParams.builder().page(1).pageSize(1).build()))
          .isInstanceOf(TransportException.class);
    }
    assertThat(sink).singleElement().asString().startsWith("--> GET ").contains("\n<-- failed: ");
  }

  @Test
  void aLongBodyIsLoggedUpToItsBoundAndTheRestCounted() {
    String name = "x".repeat(3 * HttpLogger.MAX_BODY);
    server.enqueue(
        json(
            "{\"errcode\":0,\"errmsg\":\"SUCCESS\",\"total_number\":1,\"data\":[{\"id\":1,"
                + "\"name\":\""
                + name
                + "\",\"number\":\"6001\",\"moderator_list\":[]}]}"));
    List<String> sink = new CopyOnWriteArrayList<>();
    try (YeastarClient pbx =
        client(server).logLevel(HttpLogLevel.BODY).logSink(sink::add).build()) {
      assertThat(
              pbx.conferences()
                  .list(ConferenceListParams.builder().page(1).pageSize(1).build())
                  .items()
                  .get(0)
                  .name())
          .isEqualTo(name);
    }
    String record = sink.get(0);
    assertThat(record)
        .contains("\"total_number\":1", "x".repeat(1000))
        .endsWith("(body longer than " + HttpLogger.MAX_BODY + " bytes: the rest is not logged)");
    assertThat(record.length()).isBetween(HttpLogger.MAX_BODY, HttpLogger.MAX_BODY + 2000);
  }

  @Test
  void pbxLogTurnsTheLogOnForTheDefaultLogger() {
    server.enqueue(page(1, 1, 1));
    try (YeastarClient pbx =
        YeastarClient.fromEnv(
            Map.of(
                "PBX_BASE_URL",
                server.url("/").toString(),
                "PBX_ACCESS_TOKEN",
                TOKEN,
                "PBX_LOG",
                "basic"))) {
      pbx.conferences().list(ConferenceListParams.builder().page(1).pageSize(1).build());
    }
    assertThat(records)
        .singleElement()
        .extracting(LogRecord::getMessage)
        .asString()
        .startsWith("--> GET ")
        .contains("\n<-- 200 ")
        .doesNotContain(TOKEN);
  }
}
