package io.github.yeastarsdk.contract;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One Prism process from the project's own {@code mock/node_modules}, on a free port that Prism
 * picks itself ({@code -p 0}) and reports in its log. Closing it kills the process and its
 * children; so does the JVM's exit, when a run is interrupted.
 */
public final class PrismServer implements AutoCloseable {
  static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);
  private static final Pattern LISTENING = Pattern.compile("Prism is listening on (http://\\S+)");

  private final LoggedProcess process;

  private PrismServer(LoggedProcess process) {
    this.process = process;
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
    return new PrismServer(
        LoggedProcess.start(
            new ProcessBuilder(command), LISTENING, STARTUP_TIMEOUT, Duration.ZERO, "Prism"));
  }

  /** The base URL, {@code http://127.0.0.1:<port>}. */
  public String baseUrl() {
    return process.baseUrl();
  }

  /** Everything Prism has logged so far. */
  public String log() {
    return process.log();
  }

  @Override
  public void close() {
    process.close();
  }
}
