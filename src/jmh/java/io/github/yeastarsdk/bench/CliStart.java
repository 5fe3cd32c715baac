package io.github.yeastarsdk.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The command-line tool from process start to its first page printed, beside the JDK HttpClient
 * program, on one Java: the tool through its launcher (target/list-conferences, class-data sharing
 * with the archive its first run made), the tool's jar run plainly ({@code java -jar}, the share of
 * the archive), the JDK program, and the JVM alone. Whole processes in alternation, as {@link
 * ColdStart} runs them; the launcher and the jar are copied into a folder of their own first, so
 * that the archive is made by this run's warm-up, never left from an earlier build.
 */
final class CliStart {
  static final String LAUNCHER = "launcher";
  static final String JAR = "jar";
  static final String JDK = "jdkProgram";
  static final String HELLO = "hello";

  /** What one Java measured: its version, the rounds, and the archive the launcher made. */
  record Result(String javaVersion, Rounds rounds, String archive, String toolVersion) {}

  private final Path launcher;
  private final Path cliJar;
  private final Path jdkProgram;
  private final Path work;
  private final LoopbackServer server;

  CliStart(Path launcher, Path cliJar, Path jdkProgram, Path work, LoopbackServer server) {
    this.launcher = launcher;
    this.cliJar = cliJar;
    this.jdkProgram = jdkProgram;
    this.work = work;
    this.server = server;
  }

  /** The Java home of {@code -Dbench.java25}, if it has a java; else null. */
  static Path java25() {
    Path home = Path.of(System.getProperty("bench.java25", "/usr/lib/jvm/temurin-25-jdk-amd64"));
    return Files.isExecutable(home.resolve("bin/java")) ? home : null;
  }

  /** The version a Java home's release file gives, as the launcher reads it. */
  static String version(Path javaHome) throws IOException {
    for (String line : Files.readAllLines(javaHome.resolve("release"), StandardCharsets.UTF_8)) {
      if (line.startsWith("JAVA_VERSION=")) {
        return line.substring(13).replace("\"", "");
      }
    }
    return "unknown";
  }

  Result run(Path javaHome, int warmup, int rounds) throws Exception {
    String version = version(javaHome);
    Path dir = work.resolve("cli-java" + version);
    if (Files.exists(dir)) {
      try (Stream<Path> old = Files.list(dir)) {
        for (Path file : old.toList()) {
          Files.delete(file);
        }
      }
    }
    Files.createDirectories(dir);
    Path script = Files.copy(launcher, dir.resolve("list-conferences"));
    Path jar = Files.copy(cliJar, dir.resolve(cliJar.getFileName()));
    String java = javaHome.resolve("bin/java").toString();
    String url = server.baseUrl();
    List<String> tool = List.of("--base-url", url, "--token", "bench-token");
    Rounds measured =
        new Rounds()
            .add(
                LAUNCHER,
                process(dir, "launcher", javaHome, with(List.of(script.toString()), tool), true))
            .add(
                JAR,
                process(
                    dir, "jar", javaHome, with(List.of(java, "-jar", jar.toString()), tool), true))
            .add(
                JDK,
                process(
                    dir, "jdk", javaHome, List.of(java, "-jar", jdkProgram.toString(), url), true))
            .add(
                HELLO,
                process(
                    dir,
                    "hello",
                    javaHome,
                    List.of(java, "-jar", jdkProgram.toString(), "--hello"),
                    false))
            .run(warmup, rounds);
    String archive;
    try (Stream<Path> files = Files.list(dir)) {
      archive =
          files
              .map(f -> f.getFileName().toString())
              .filter(name -> name.matches("list-conferences-java.*\\.(jsa|aot)"))
              .findFirst()
              .orElseThrow(
                  () -> new IllegalStateException("the launcher made no archive in " + dir));
    }
    // What the tool says it runs on: the bench profile builds its jar with the OkHttp the
    // benchmarks use, which may not be the one the tool's release jar bundles.
    Process about =
        new ProcessBuilder(java, "-jar", jar.toString(), "--version")
            .redirectErrorStream(true)
            .start();
    String toolVersion =
        new String(about.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
            .strip()
            .replace('\n', ';');
    about.waitFor();
    return new Result(version, measured, archive, toolVersion);
  }

  private static List<String> with(List<String> command, List<String> args) {
    List<String> all = new ArrayList<>(command);
    all.addAll(args);
    return all;
  }

  private static Rounds.Contender process(
      Path dir, String name, Path javaHome, List<String> command, boolean page) {
    Path out = dir.resolve(name + ".out");
    Map<String, String> env = Map.of("JAVA_HOME", javaHome.toString());
    return () ->
        new Rounds.Sample(
            ColdStart.ProcessRun.of(command, env, out, page).nanos(), Double.NaN, Double.NaN);
  }
}
