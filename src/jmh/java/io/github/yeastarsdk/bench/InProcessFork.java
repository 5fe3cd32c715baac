package io.github.yeastarsdk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the decode and per-call rounds in a JVM of their own and writes their samples, so that the
 * report can put several JVMs' rounds side by side: what the JIT makes of the same code differs
 * from one JVM to the next by more than the rounds within one JVM differ.
 */
public final class InProcessFork {
  static final String DECODE_1000 = "decode1000";
  static final String DECODE_10 = "decode10";
  static final String PER_CALL = "perCall";

  private InProcessFork() {}

  /** Writes the samples into the directory {@code args[0]}. */
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    Files.createDirectories(dir);
    InProcessRounds.Plan plan = InProcessRounds.Plan.fromSystemProperties();
    InProcessRounds.decode(1000, plan).write(dir.resolve(DECODE_1000));
    InProcessRounds.decode(10, plan).write(dir.resolve(DECODE_10));
    if (!BenchmarkReport.decodeOnly()) {
      InProcessRounds.perCall(plan).write(dir.resolve(PER_CALL));
    }
    // OkHttp's and the loopback server's threads would otherwise keep this JVM alive a while.
    System.exit(0);
  }

  /** Runs {@code forks} JVMs one after the other, each with this JVM's class path and heap. */
  static List<Path> run(int forks, Path work) throws IOException, InterruptedException {
    List<Path> dirs = new ArrayList<>();
    for (int fork = 1; fork <= forks; fork++) {
      BenchmarkReport.log("decode and per call, JVM " + fork + " of " + forks);
      Path dir = work.resolve("fork-" + fork);
      List<String> command =
          new ArrayList<>(
              List.of(
                  ColdStart.java(),
                  "-Xms2g",
                  "-Xmx2g",
                  "-Dbench.quick=" + Boolean.getBoolean("bench.quick"),
                  "-Dbench.only=" + System.getProperty("bench.only", ""),
                  "-cp",
                  System.getProperty("java.class.path"),
                  InProcessFork.class.getName(),
                  dir.toString()));
      Process process = new ProcessBuilder(command).inheritIO().start();
      if (process.waitFor() != 0) {
        throw new IllegalStateException("JVM " + fork + " failed: " + String.join(" ", command));
      }
      dirs.add(dir);
    }
    return dirs;
  }

  /** The rounds of one figure from every JVM. */
  static Rounds merged(List<Path> dirs, String figure) throws IOException {
    Rounds all = new Rounds();
    for (Path dir : dirs) {
      all.addFork(Rounds.read(dir.resolve(figure)));
    }
    return all;
  }
}
