package io.github.yeastarsdk.contract;

import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The mock as {@code npm start} runs it: the PBX simulator behind Prism's validating proxy, on a
 * free port ({@code PORT=0}) that it reports in its log, with the settings given as environment
 * variables. Closing it stops the mock and every process it started; so does the JVM's exit.
 */
public final class SimulatorServer implements AutoCloseable {
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);
  private static final Pattern READY = Pattern.compile("ready on (http://\\S+)");
  private static final int MAX_LOG_LINES = 2_000;
  private static final Type STATE =
      Types.newParameterizedType(Map.class, String.class, Object.class);

  private final Process process;
  private final List<String> log = new ArrayList<>();
  private final CountDownLatch started = new CountDownLatch(1);
  private final Thread shutdownHook;
  private final OkHttpClient http = new OkHttpClient();
  private volatile String baseUrl;

  private SimulatorServer(Process process) {
    this.process = process;
    this.shutdownHook = new Thread(this::kill, "simulator-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    Thread reader = new Thread(this::readLog, "simulator-log");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code node mock/scripts/serve.mjs} with {@code settings} added to its environment. */
  public static SimulatorServer start(Path projectRoot, Map<String, String> settings) {
    Path serve = projectRoot.resolve("mock/scripts/serve.mjs");
    if (!Files.isDirectory(projectRoot.resolve("mock/node_modules/fastify"))) {
      throw new IllegalStateException(
          "the mock is not installed: run ./mvnw verify, or npm ci --prefix mock");
    }
    ProcessBuilder builder =
        new ProcessBuilder("node", serve.toString())
            .directory(projectRoot.resolve("mock").toFile())
            .redirectErrorStream(true);
    builder.environment().putAll(Map.of("HOST", "127.0.0.1", "PORT", "0"));
    builder.environment().putAll(settings);
    SimulatorServer server;
    try {
      server = new SimulatorServer(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + serve, e);
    }
    server.awaitReady();
    return server;
  }

  /** The base URL, {@code http://127.0.0.1:<port>}. */
  public String baseUrl() {
    return baseUrl;
  }

  /** What {@code GET /__mock/state} answers: tokens, calls, faults and spec violations. */
  public Map<String, Object> state() {
    Request request = new Request.Builder().url(baseUrl + "/__mock/state").build();
    try (Response response = http.newCall(request).execute()) {
      return new Moshi.Builder()
          .build()
          .<Map<String, Object>>adapter(STATE)
          .fromJson(response.body().source());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code POST /__mock/reset}: no tokens, no counts. */
  public void reset() {
    Request request =
        new Request.Builder()
            .url(baseUrl + "/__mock/reset")
            .post(RequestBody.create("", MediaType.get("application/json")))
            .build();
    try (Response response = http.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        throw new IllegalStateException("reset answered " + response.code());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Everything the mock has logged so far (tokens masked by the mock). */
  public synchronized String log() {
    return String.join("\n", log);
  }

  private void awaitReady() {
    try {
      boolean ended = started.await(STARTUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      if (baseUrl == null) {
        kill();
        String why =
            ended
                ? "the mock exited before it was ready"
                : "the mock was not ready within " + STARTUP_TIMEOUT;
        throw new IllegalStateException(why + ". Its log:\n" + log());
      }
    } catch (InterruptedException e) {
      kill();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the mock", e);
    }
  }

  private void readLog() {
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = lines.readLine()) != null; ) {
        synchronized (this) {
          if (log.size() == MAX_LOG_LINES) {
            log.remove(0);
          }
          log.add(line);
        }
        Matcher matcher = READY.matcher(line);
        if (baseUrl == null && matcher.find()) {
          baseUrl = matcher.group(1);
          started.countDown();
        }
      }
    } catch (IOException ignored) {
      // The process ended; whatever it logged is kept.
    } finally {
      started.countDown();
    }
  }

  private void kill() {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy(); // SIGTERM: the mock stops Prism itself
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    children.forEach(ProcessHandle::destroyForcibly);
  }

  @Override
  public void close() {
    kill();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // The hook runs anyway.
    }
  }
}
