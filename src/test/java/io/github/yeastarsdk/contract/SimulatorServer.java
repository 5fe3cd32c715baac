package io.github.yeastarsdk.contract;

import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
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
  private static final Type STATE =
      Types.newParameterizedType(Map.class, String.class, Object.class);

  private final LoggedProcess process;
  private final String baseUrl;
  private final OkHttpClient http = new OkHttpClient();

  private SimulatorServer(LoggedProcess process) {
    this.process = process;
    this.baseUrl = process.baseUrl();
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
            .directory(projectRoot.resolve("mock").toFile());
    builder.environment().putAll(Map.of("HOST", "127.0.0.1", "PORT", "0"));
    builder.environment().putAll(settings);
    // SIGTERM first, with time to spare: the mock stops Prism itself.
    return new SimulatorServer(
        LoggedProcess.start(builder, READY, STARTUP_TIMEOUT, Duration.ofSeconds(10), "the mock"));
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
  public String log() {
    return process.log();
  }

  @Override
  public void close() {
    process.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
