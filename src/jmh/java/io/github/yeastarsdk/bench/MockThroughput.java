package io.github.yeastarsdk.bench;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The mock server's throughput beside Prism alone's: {@code npm run bench --prefix mock -- --json}
 * (autocannon; mock/README.md says what it runs), twice in a row, from this build. Node's own
 * harness measures it, as frontend teams would; this only runs it and writes its figures down.
 */
final class MockThroughput {
  /** One target of one run, as mock/scripts/bench.mjs reports it. */
  record Target(String name, double requestsPerSecond, double p50, double p99, long errors) {}

  /** One run: its targets, the mock first and Prism alone second, as the script orders them. */
  record Run(int seconds, int connections, List<Target> targets) {
    Target mock() {
      return targets.get(0);
    }

    Target prism() {
      return targets.get(1);
    }
  }

  private MockThroughput() {}

  /** Runs the script {@code runs} times; an empty list, and why, when Node cannot run it. */
  static List<Run> measure(Path root, int runs, List<String> why) throws InterruptedException {
    List<Run> measured = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      try {
        measured.add(once(root));
      } catch (IOException | RuntimeException e) {
        why.add(String.valueOf(e.getMessage()).lines().findFirst().orElse("no message"));
        return List.of();
      }
    }
    return measured;
  }

  @SuppressWarnings("unchecked")
  private static Run once(Path root) throws IOException, InterruptedException {
    Path out = Files.createTempFile("mock-bench", ".json");
    try {
      Process process =
          new ProcessBuilder("npm", "run", "--silent", "bench", "--prefix", "mock", "--", "--json")
              .directory(root.toFile())
              .redirectOutput(out.toFile())
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      if (process.waitFor() != 0) {
        throw new IOException("npm run bench --prefix mock exited " + process.exitValue());
      }
      String text = Files.readString(out, StandardCharsets.UTF_8);
      JsonAdapter<Map<String, Object>> adapter =
          new Moshi.Builder()
              .build()
              .adapter(Types.newParameterizedType(Map.class, String.class, Object.class));
      Map<String, Object> json = adapter.fromJson(text.substring(text.indexOf('{')));
      List<Target> targets = new ArrayList<>();
      for (Object item : (List<Object>) json.get("results")) {
        Map<String, Object> target = (Map<String, Object>) item;
        targets.add(
            new Target(
                (String) target.get("name"),
                ((Number) target.get("requestsPerSecond")).doubleValue(),
                ((Number) target.get("p50")).doubleValue(),
                ((Number) target.get("p99")).doubleValue(),
                ((Number) target.get("errors")).longValue()
                    + ((Number) target.get("non2xx")).longValue()));
      }
      return new Run(
          ((Number) json.get("seconds")).intValue(),
          ((Number) json.get("connections")).intValue(),
          targets);
    } finally {
      Files.deleteIfExists(out);
    }
  }

  /** The section of docs/benchmarks.md: one table per run, each with the target's verdict. */
  static void markdown(StringBuilder md, List<Run> runs, List<String> why) {
    md.append("\n## The mock server's throughput\n\n");
    if (runs.isEmpty()) {
      md.append("Not measured: ").append(String.join("; ", why)).append(".\n");
      return;
    }
    md.append(
        f(
            "`npm run bench --prefix mock`, run %d times in a row: conference/list (20 conferences,"
                + " sorted by name) at %d connections for %d s a target, with autocannon. The mock"
                + " is run as users run it: every request and answer checked by Prism against the"
                + " spec. Target: at least 0.7× Prism alone's requests per second, and a p99 within"
                + " 2× of Prism alone's. Each run is one measurement per target, without an"
                + " interval: two runs in a row show how far they move.\n",
            runs.size(), runs.get(0).connections(), runs.get(0).seconds()));
    int n = 1;
    for (Run run : runs) {
      Target prism = run.prism();
      double speed = run.mock().requestsPerSecond() / prism.requestsPerSecond();
      double tail = run.mock().p99() / prism.p99();
      boolean met = speed >= 0.7 && tail <= 2.0;
      md.append(
              f(
                  "\n**Run %d**: the mock at %.2f× Prism alone's req/s, p99 at %.2f× — %s\n\n",
                  n++, speed, tail, met ? "met" : "**not met**"))
          .append(
              "| target | req/s | × Prism alone | p50 ms | p99 ms | p99 × Prism alone | errors + non-2xx |\n")
          .append("|---|---:|---:|---:|---:|---:|---:|\n");
      for (Target target : run.targets()) {
        md.append(
            f(
                "| %s | %,.0f | %.2f | %.0f | %.0f | %.2f | %d |\n",
                target.name(),
                target.requestsPerSecond(),
                target.requestsPerSecond() / prism.requestsPerSecond(),
                target.p50(),
                target.p99(),
                target.p99() / prism.p99(),
                target.errors()));
      }
    }
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
