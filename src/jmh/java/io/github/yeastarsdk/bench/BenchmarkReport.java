package io.github.yeastarsdk.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs every benchmark in one JMH invocation and writes the results, the ratios against the
 * alternatives and the targets, with the machine's description, as Markdown.
 */
public final class BenchmarkReport {
  private BenchmarkReport() {}

  public static void main(String[] args) throws RunnerException, IOException {
    Path output = Path.of(args.length > 0 ? args[0] : "docs/benchmarks.md");
    Options options =
        new OptionsBuilder()
            .include("io\\.github\\.yeastarsdk\\.bench\\.(Decode|CallOverhead|Listing)Benchmark")
            .addProfiler(GCProfiler.class)
            .shouldFailOnError(true)
            .build();
    Collection<RunResult> results = new Runner(options).run();
    RetainedPages.Retained retained = RetainedPages.measure();
    String report = new BenchmarkReport.Writer(results, retained).markdown();
    Files.createDirectories(output.getParent());
    Files.writeString(output, report, StandardCharsets.UTF_8);
    System.out.println(report);
    System.out.println("Written: " + output);
  }

  private static final class Writer {
    private final Collection<RunResult> results;
    private final RetainedPages.Retained retained;
    private final List<String> verdicts = new ArrayList<>();

    Writer(Collection<RunResult> results, RetainedPages.Retained retained) {
      this.results = results;
      this.retained = retained;
    }

    private RunResult find(String method, String conferences) {
      for (RunResult result : results) {
        String name = result.getParams().getBenchmark();
        String param = result.getParams().getParam("conferences");
        if (name.endsWith("." + method) && (conferences == null || conferences.equals(param))) {
          return result;
        }
      }
      throw new IllegalStateException("no result for " + method + " " + conferences);
    }

    private static double score(RunResult result) {
      return result.getPrimaryResult().getScore();
    }

    private static String withError(RunResult result) {
      Result<?> primary = result.getPrimaryResult();
      return format(primary.getScore()) + " ± " + format(primary.getScoreError());
    }

    private static double allocated(RunResult result) {
      for (Map.Entry<String, Result> entry : result.getSecondaryResults().entrySet()) {
        if (entry.getKey().endsWith("gc.alloc.rate.norm")) {
          return entry.getValue().getScore();
        }
      }
      return Double.NaN;
    }

    private static String format(double value) {
      if (Double.isNaN(value)) {
        return "n/a";
      }
      return value >= 100
          ? String.format(Locale.ROOT, "%,.0f", value)
          : String.format(Locale.ROOT, "%.2f", value);
    }

    private void target(String what, boolean met, String measured) {
      verdicts.add("| " + what + " | " + measured + " | " + (met ? "met" : "**not met**") + " |");
    }

    String markdown() {
      StringBuilder md = new StringBuilder();
      md.append("# Benchmarks\n\n")
          .append("Made by `./mvnw -Pbench package -DskipTests` on ")
          .append(LocalDate.now())
          .append(" (one JMH 1.37 run, `-prof gc`; ")
          .append("numbers from another machine are not comparable, ratios are).\n\n")
          .append("Machine: ")
          .append(Machine.describe())
          .append("\n\n");

      md.append("## Decoding one conference/list body from bytes\n\n")
          .append(
              "| conferences | body | decoder | ops/s | MB/s | allocated B/op | × stock Gson |\n")
          .append("|---:|---:|---|---:|---:|---:|---:|\n");
      String[][] decoders = {
        {"sdkGeneratedAdapters", "**this SDK: generated adapters**"},
        {"stockGeneratorGson", "stock openapi-generator retrofit2 + Gson"},
        {"moshiReflectiveRecords", "Moshi, reflective records"},
        {"jacksonRecords", "Jackson databind, records"},
        {"moshiSkipDocumentFloor", "Moshi skipping the document (floor)"},
      };
      for (String size : new String[] {"10", "1000"}) {
        int bytes = BenchData.page(1, Integer.parseInt(size), Integer.parseInt(size)).length;
        double stock = score(find("stockGeneratorGson", size));
        for (String[] decoder : decoders) {
          RunResult result = find(decoder[0], size);
          md.append("| ")
              .append(size)
              .append(" | ")
              .append(String.format(Locale.ROOT, "%,d B", bytes))
              .append(" | ")
              .append(decoder[1])
              .append(" | ")
              .append(withError(result))
              .append(" | ")
              .append(format(score(result) * bytes / 1e6))
              .append(" | ")
              .append(format(allocated(result)))
              .append(" | ")
              .append(String.format(Locale.ROOT, "%.2f×", score(result) / stock))
              .append(" |\n");
        }
        RunResult ours = find("sdkGeneratedAdapters", size);
        double speedup = score(ours) / stock;
        double need = size.equals("1000") ? 1.3 : 1.4;
        target(
            "decode " + size + ": ≥ " + need + "× stock Gson",
            speedup >= need,
            String.format(Locale.ROOT, "%.2f×", speedup));
        double allocRatio = allocated(ours) / allocated(find("stockGeneratorGson", size));
        target(
            "decode " + size + ": allocation ≤ 0.5× stock Gson",
            allocRatio <= 0.5,
            String.format(Locale.ROOT, "%.2f×", allocRatio));
        double floor = score(ours) / score(find("moshiSkipDocumentFloor", size));
        target(
            "decode " + size + ": ≥ 0.75× Moshi's skip-the-document floor",
            floor >= 0.75,
            String.format(Locale.ROOT, "%.2f×", floor));
      }

      RunResult sdk = find("sdkList", null);
      RunResult raw = find("rawOkHttpAndMoshi", null);
      double overhead = score(sdk) / score(raw);
      md.append("\n## One call against a loopback server (10 conferences)\n\n")
          .append("| client | µs/call | allocated B/call |\n|---|---:|---:|\n")
          .append("| **this SDK: `conferences().list(1, 10)`** | ")
          .append(withError(sdk))
          .append(" | ")
          .append(format(allocated(sdk)))
          .append(" |\n")
          .append("| raw OkHttp GET + the same Moshi adapters | ")
          .append(withError(raw))
          .append(" | ")
          .append(format(allocated(raw)))
          .append(" |\n");
      target(
          "per-call overhead: SDK ≤ 1.05× raw OkHttp + Moshi",
          overhead <= 1.05,
          String.format(Locale.ROOT, "%.3f×", overhead));

      RunResult pager = find("sdkAutoPager", null);
      RunResult loop = find("stockSequentialLoop", null);
      double bound =
          ListingBenchmark.EXPECTED_REQUESTS
              * Math.max(ListingBenchmark.SERVER_MS, ListingBenchmark.CONSUMER_MS_PER_PAGE);
      double sequential =
          ListingBenchmark.EXPECTED_REQUESTS
              * (ListingBenchmark.SERVER_MS + ListingBenchmark.CONSUMER_MS_PER_PAGE);
      md.append(
              "\n## Listing 10,000 conferences, pages of 100, 20 ms per answer, 10 ms of work per page\n\n")
          .append("| client | ms per listing | requests |\n|---|---:|---:|\n")
          .append("| **this SDK: `listAll()` auto-pager** | ")
          .append(withError(pager))
          .append(" | ")
          .append(ListingBenchmark.EXPECTED_REQUESTS)
          .append(" |\n")
          .append("| stock generated client, sequential loop | ")
          .append(withError(loop))
          .append(" | ")
          .append(ListingBenchmark.EXPECTED_REQUESTS)
          .append(" |\n\n")
          .append(
              String.format(
                  Locale.ROOT,
                  "Sequential estimate 100 × (20 + 10) ms = %.0f ms; overlapped bound 100 × max(20, 10) ms = %.0f ms. "
                      + "Every invocation checked that the server saw exactly ceil(10,000 / 100) = %d requests.%n",
                  sequential,
                  bound,
                  ListingBenchmark.EXPECTED_REQUESTS));
      double pagerRatio = score(pager) / score(loop);
      target(
          "auto-pager ≤ 0.74× the sequential loop",
          pagerRatio <= 0.74,
          String.format(Locale.ROOT, "%.2f×", pagerRatio));
      target(
          "auto-pager within 10 % of the overlapped bound",
          score(pager) <= bound * 1.10,
          String.format(
              Locale.ROOT,
              "%.0f ms vs %.0f ms (%+.1f %%)",
              score(pager),
              bound,
              (score(pager) / bound - 1) * 100));

      md.append("\n## What the auto-pager keeps in memory\n\n")
          .append(
              String.format(
                  Locale.ROOT,
                  "Listing the same 10,000 conferences after one warm-up listing, with a full GC at every page "
                      + "boundary: at most %d of the conferences already handed out were still reachable, that is the "
                      + "current page; the pager holds one more page, the one being fetched. One decoded page of 100 "
                      + "takes about %,d bytes of heap. The heap in use grew by at most %,d bytes during the listing; "
                      + "that figure also counts connection buffers and Okio's segment pool, not only pages.%n",
                  retained.maxLiveConferences(),
                  retained.onePageHeapBytes(),
                  retained.maxHeapGrowthBytes()));
      target(
          "auto-pager retains about two pages (conferences still reachable ≤ one page, plus the page in flight)",
          retained.maxLiveConferences() <= ListingBenchmark.PAGE_SIZE,
          retained.maxLiveConferences() + " handed-out conferences alive");

      md.append("\n## Targets\n\n| target | measured | |\n|---|---:|---|\n");
      verdicts.forEach(v -> md.append(v).append('\n'));
      md.append(
          "\nA target not met is reported as measured; CONTRIBUTING.md's benchmark section says what limits it.\n");
      return md.toString();
    }
  }

  /** The machine, as the JVM and Linux describe it. */
  static final class Machine {
    static String describe() {
      String cpu = "unknown CPU";
      try {
        for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
          if (line.startsWith("model name")) {
            cpu = line.substring(line.indexOf(':') + 1).trim();
            break;
          }
        }
      } catch (IOException | RuntimeException e) {
        // Not Linux: the JVM's own words below still say enough.
      }
      long memory =
          ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
              .getTotalMemorySize();
      return String.format(
          Locale.ROOT,
          "%s, %d cores, %.0f GiB; %s %s; %s %s",
          cpu,
          Runtime.getRuntime().availableProcessors(),
          memory / (1024.0 * 1024 * 1024),
          System.getProperty("java.vm.name"),
          System.getProperty("java.version"),
          System.getProperty("os.name"),
          System.getProperty("os.version"));
    }
  }
}
