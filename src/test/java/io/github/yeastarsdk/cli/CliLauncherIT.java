package io.github.yeastarsdk.cli;

import static io.github.yeastarsdk.cli.ListConferencesCliIT.TOKEN;
import static io.github.yeastarsdk.cli.ListConferencesCliIT.json;
import static io.github.yeastarsdk.cli.ListConferencesCliIT.page;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher, target/list-conferences, run as a user runs it, with the Java that runs this test:
 * the first run makes the class-data archive beside the jar and prints what the jar prints, and
 * later runs load the tool's classes from that archive.
 */
class CliLauncherIT {
  private static final Path LAUNCHER =
      Path.of(System.getProperty("cli.launcher", "target/missing-launcher"));
  private static final Path JAR = Path.of(System.getProperty("cli.jar", "target/missing-cli.jar"));

  private final MockWebServer server = new MockWebServer();
  @TempDir Path dir;

  @BeforeEach
  void start() throws IOException {
    server.start();
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  record Run(int status, String out, String err) {}

  private Run run(Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(dir.resolve("list-conferences").toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(name -> name.startsWith("PBX_"));
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().putAll(env);
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the launcher did not exit within 60 s");
    }
    return new Run(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private List<Path> archives() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> f.getFileName().toString().matches("list-conferences-java.*\\.(jsa|aot)"))
          .toList();
    }
  }

  @Test
  void theFirstRunMakesTheArchiveAndLaterRunsLoadTheToolFromIt() throws Exception {
    assertThat(LAUNCHER).as("the launcher, built by ./mvnw package").isExecutable();
    Files.copy(LAUNCHER, dir.resolve("list-conferences"));
    Files.copy(JAR, dir.resolve(JAR.getFileName()));
    String url = server.url("/").toString();
    String[] args = {"--base-url", url, "--token", TOKEN, "--json"};
    String expected = null;
    for (int run = 1; run <= 2; run++) {
      server.enqueue(json(page(2, "extension", 1, 2)));
      Run result = run(Map.of(), args);
      assertThat(result.status()).as(result.err()).isZero();
      assertThat(result.err()).as("run %d's stderr", run).isEmpty();
      assertThat(result.out().lines()).as("run %d's output, and nothing else", run).hasSize(2);
      assertThat(archives()).as("archives after run %d", run).hasSize(1);
      expected = expected == null ? result.out() : expected;
      assertThat(result.out()).isEqualTo(expected);
    }

    // Where the tool's classes came from, as the JVM logs it (JDK_JAVA_OPTIONS adds a note on
    // stderr, which this run alone may have).
    Path log = dir.resolve("classes.txt");
    server.enqueue(json(page(2, "extension", 1, 2)));
    Run logged = run(Map.of("JDK_JAVA_OPTIONS", "-Xlog:class+load=info:file=" + log), args);
    assertThat(logged.out()).isEqualTo(expected);
    List<String> tool =
        Files.readAllLines(log).stream()
            .filter(line -> line.contains(" io.github.yeastarsdk.cli.Main "))
            .toList();
    assertThat(tool).hasSize(1);
    assertThat(tool.get(0)).as("the tool's main class").contains("source: shared objects file");
  }

  @Test
  void aSymbolicLinkToTheLauncherFindsTheJarBesideTheLauncher() throws Exception {
    Path tool = dir.resolve("tool");
    Files.createDirectories(tool);
    Files.copy(LAUNCHER, tool.resolve("list-conferences"));
    Files.copy(JAR, tool.resolve(JAR.getFileName()));
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Files.createSymbolicLink(bin.resolve("list-conferences"), tool.resolve("list-conferences"));
    Process process =
        new ProcessBuilder(bin.resolve("list-conferences").toString(), "--version")
            .redirectErrorStream(true)
            .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(out).isZero();
    assertThat(out).startsWith("list-conferences ");
  }

  @Test
  void aLauncherWithoutItsJarSaysSoInOneLine() throws Exception {
    Files.copy(LAUNCHER, dir.resolve("list-conferences"));
    Run run = run(Map.of(), "--version");
    assertThat(run.status()).isEqualTo(70);
    assertThat(run.err()).startsWith("error: the tool's jar is not beside its launcher: ");
    assertThat(run.err().lines()).hasSize(1);
  }

  @Test
  void noArchiveFromHelpVersionAFailedRunOrWithSharingOff() throws Exception {
    Files.copy(LAUNCHER, dir.resolve("list-conferences"));
    Files.copy(JAR, dir.resolve(JAR.getFileName()));
    Run version = run(Map.of(), "--version");
    assertThat(version.status()).isZero();
    assertThat(version.out()).startsWith("list-conferences ");
    Run bad = run(Map.of(), "--page", "x");
    assertThat(bad.status()).isEqualTo(2);
    assertThat(bad.err()).startsWith("error: --page must be a whole number, was 'x'");
    assertThat(archives()).as("archives of runs that list nothing").isEmpty();

    server.enqueue(json(page(1, "extension", 1)));
    String url = server.url("/").toString();
    Run off = run(Map.of("LIST_CONFERENCES_CDS", "off"), "--base-url", url, "--token", TOKEN);
    assertThat(off.status()).as(off.err()).isZero();
    assertThat(off.out().lines()).hasSize(1);
    assertThat(archives()).isEmpty();
  }
}
