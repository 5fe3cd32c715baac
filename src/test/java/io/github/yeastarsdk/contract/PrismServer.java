package io.github.yeastarsdk.contract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Prism process from the project's own {@code mock/node_modules}, on a free port that Prism
 * picks itself ({@code -p 0}) and reports in its log. Closing it kills the process and its
 * children; so does the JVM's exit, when a run is interrupted.
 */
public final class PrismServer implements AutoCloseable {
  static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);
  private static final Pattern LISTENING = Pattern.compile("Prism is listening on (http://\\S+)");
  private static final int MAX_LOG_LINES = 2_000;

  private final Process process;
  private final List<String> log = new ArrayList<>();
  private final CountDownLatch started = new CountDownLatch(1);
  private final Thread shutdownHook;
  private volatile String baseUrl;

  private PrismServer(Process process) {
    this.process = process;
    this.shutdownHook = new Thread(this::kill, "prism-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    Thread reader = new Thread(this::readLog, "prism-log");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code prism mock} on the spec, with random data limited to the spec's fields. */
  public static PrismServer mock(Path projectRoot) {
    return start(
        projectRoot,
        "mock",
        projectRoot.resolve("openapi/openapi.yaml"),
        List.of("--json-schema-faker-fillProperties=false", "--port", "0"));
  }

  /**
   * Starts {@code prism mock} on another copy of the spec, on a fixed {@code port}: Prism restarts
   * itself when the spec changes, and with port 0 it would come back on another port.
   */
  public static PrismServer mock(Path projectRoot, Path spec, int port) {
    return start(
        projectRoot,
        "mock",
        spec,
        List.of("--json-schema-faker-fillProperties=false", "--port", String.valueOf(port)));
  }

  /** Starts {@code prism proxy} on the spec in front of {@code upstream}. */
  public static PrismServer proxy(Path projectRoot, String upstream) {
    return start(
        projectRoot,
        "proxy",
        projectRoot.resolve("openapi/openapi.yaml"),
        List.of(upstream, "--port", "0"));
  }

  private static PrismServer start(Path projectRoot, String mode, Path spec, List<String> args) {
    Path cli = projectRoot.resolve("mock/node_modules/@stainless-api/prism-cli/dist/index.js");
    if (!Files.isRegularFile(cli)) {
      throw new IllegalStateException(
          "Prism is not installed at " + cli + ": run ./mvnw verify, or npm ci --prefix mock");
    }
    List<String> command = new ArrayList<>(List.of("node", cli.toString(), mode));
    command.add(spec.toString());
    command.addAll(args);
    command.addAll(List.of("--host", "127.0.0.1", "--errors"));
    PrismServer server;
    try {
      server = new PrismServer(new ProcessBuilder(command).redirectErrorStream(true).start());
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + command, e);
    }
    server.awaitListening();
    return server;
  }

  /** The base URL, {@code http://127.0.0.1:<port>}. */
  public String baseUrl() {
    return baseUrl;
  }

  /** Everything Prism has logged so far. */
  public synchronized String log() {
    return String.join("\n", log);
  }

  private void awaitListening() {
    try {
      boolean ended = started.await(STARTUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      if (baseUrl == null) {
        kill();
        String why =
            ended
                ? "Prism exited before it listened"
                : "Prism did not listen within " + STARTUP_TIMEOUT;
        throw new IllegalStateException(why + ". Its log:\n" + log());
      }
    } catch (InterruptedException e) {
      kill();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting Prism", e);
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
        Matcher matcher = LISTENING.matcher(line);
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
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    kill();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // The hook runs anyway.
    }
  }
}
