package io.github.yeastarsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the built command-line jar as a separate process, as a user would with java -jar. */
final class CliProcess {
  private static final Path JAR = Path.of(System.getProperty("cli.jar", "target/missing-cli.jar"));
  private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

  record Result(int status, String out, String err) {
    List<String> errLines() {
      return err.lines().toList();
    }
  }

  private CliProcess() {}

  static Result run(Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    assertThat(JAR).as("the tool's jar, built by ./mvnw package").isRegularFile();
    List<String> command = new ArrayList<>(List.of(JAVA.toString(), "-jar", JAR.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(name -> name.startsWith("PBX_"));
    builder.environment().putAll(env);
    Path out = Files.createTempFile("cli-out", ".txt");
    Path err = Files.createTempFile("cli-err", ".txt");
    try {
      Process process =
          builder
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("the tool did not exit within 60 s: " + command);
      }
      return new Result(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
