package io.github.yeastarsdk.bench;

import static io.github.yeastarsdk.bench.InProcessRounds.GSON;
import static io.github.yeastarsdk.bench.InProcessRounds.LOOP;
import static io.github.yeastarsdk.bench.InProcessRounds.PAGER_1;
import static io.github.yeastarsdk.bench.InProcessRounds.PAGER_4;
import static io.github.yeastarsdk.bench.InProcessRounds.RAW;
import static io.github.yeastarsdk.bench.InProcessRounds.SDK;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** Writes the figures as Markdown; every ratio with its interval, every target with a verdict. */
final class Report {
  /** When and how the run was made. */
  record Run(
      Instant started,
      long seconds,
      String loadBefore,
      String loadAfter,
      InProcessRounds.Plan plan) {}

  private final List<String> targets = new ArrayList<>();
  private final LoadWatch load;

  Report(LoadWatch load) {
    this.load = load;
  }

  Report target(String what, Interval interval, Interval.Verdict verdict) {
    targets.add("| " + what + " | " + interval.ratio() + " | " + load.verdict(verdict) + " |");
    return this;
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  String markdown(
      Run run,
      Rounds listing,
      Rounds decode1000,
      Rounds decode10,
      Rounds perCall,
      Rounds cold,
      ColdStart coldStart,
      Map<String, Map<String, Integer>> classes,
      List<CliStart.Result> cli,
      Footprint.Shipped sdk,
      Footprint.Shipped stock,
      RetainedPages.Retained retained) {
    InProcessRounds.Plan plan = run.plan();
    StringBuilder md = new StringBuilder("# Benchmarks\n\n");
    md.append(
            f(
                "Made by `./mvnw -Pbench package -DskipTests` at %s UTC; the figures took %d s. "
                    + "Machine: %s. Load average (1 / 5 / 15 min) %s before, %s after: the machine "
                    + "was shared with other builds, which is what the method below is for.\n\n",
                run.started()
                    .truncatedTo(ChronoUnit.MINUTES)
                    .toString()
                    .replace('T', ' ')
                    .replace("Z", ""),
                run.seconds(),
                Machine.describe(),
                run.loadBefore(),
                run.loadAfter()))
        .append(load.note())
        .append(
            f(
                "**Method.** Contenders run in alternation (fixed 2 GiB heap): round after round each "
                    + "runs once, the order rotated every round, and each figure is the median of the "
                    + "per-round ratios with a 95 %% bootstrap confidence interval (10,000 resamples). "
                    + "Decoding and the single call run in %d JVMs one after the other; in each, a "
                    + "contender runs for a slice of %d ms (%d ms for a call) per round, %d rounds after "
                    + "%d thrown away and as many more as it took for the JIT compilers to be idle for a "
                    + "second; the bootstrap resamples the JVMs and then their rounds, so the interval "
                    + "includes what differs between JVMs. Decoding is timed as the thread's CPU time plus "
                    + "the collector's pauses meanwhile, so that time the core gave to other processes "
                    + "does not count; the call, as elapsed time. A listing runs whole, %d rounds after 1 "
                    + "thrown away, in this JVM; cold start alternates whole processes, %d rounds after 2. "
                    + "A target is *met* when the whole interval is on its side, *not met* when the whole "
                    + "interval is on the other, and *undecided* otherwise. Absolute numbers vary with the "
                    + "machine's load; ratios measured this way hold.\n\n",
                plan.forks(),
                plan.sliceMillis(),
                plan.sliceMillis() * 2,
                plan.rounds(),
                plan.warmupRounds(),
                plan.listingRounds(),
                plan.coldRounds()));

    md.append("## Targets\n\n| figure and target | median [95 % CI] | verdict |\n|---|---|---|\n");
    targets.forEach(t -> md.append(t).append('\n'));
    md.append(
        f(
            "| runtime footprint: reported beside the stock client's | %s jars, %,d bytes, %,d classes "
                + "vs %s jars, %,d bytes, %,d classes | see below |\n",
            sdk.entries().size(),
            sdk.bytes(),
            sdk.classes(),
            stock.entries().size(),
            stock.bytes(),
            stock.classes()));
    List<String> stale = sdk.staleOrDuplicate();
    md.append(
        f(
            "| runtime footprint: no stale or duplicate artifacts | %s | %s |\n",
            stale.isEmpty() ? "none" : String.join(", ", stale),
            stale.isEmpty() ? "met" : "**not met**"));
    md.append(
        "\nA target not met is reported as measured; [CONTRIBUTING.md](../CONTRIBUTING.md#benchmarks) says "
            + "what limits it.\n");

    md.append(
            "\n## Listing 10,000 conferences, pages of 100, 20 ms per answer, 10 ms of work per page\n\n")
        .append(
            "| client | ms per listing (median) | × the stock loop [95 % CI] |\n|---|---:|---|\n")
        .append(
            listingRow(
                "this SDK: `listAll(params, PagingOptions.pagesInFlight(4))`", listing, PAGER_4))
        .append(listingRow("this SDK: `listAll(params)` (one page ahead)", listing, PAGER_1))
        .append(
            f(
                "| stock generated client, sequential loop | %,.0f | 1 |\n\n",
                listing.medianNanos(LOOP) / 1e6))
        .append(
            f(
                "Every listing of every round was checked: 10,000 items in order and exactly "
                    + "ceil(10,000 / 100) = %d requests. One page at a time costs 100 × (20 + 10) ms = "
                    + "3,000 ms plus each request's own cost; one page ahead, 100 × max(20, 10) = 2,000 ms; "
                    + "four ahead, the caller's 100 × 10 ms = 1,000 ms plus the first page.\n",
                ListingBenchmark.EXPECTED_REQUESTS));

    md.append("\n## Decoding one conference/list body from bytes\n\n")
        .append(
            "| conferences | decoder | CPU µs/op (median) | MB/s | allocated B/op | speed × stock Gson [95 % CI] |\n")
        .append("|---:|---|---:|---:|---:|---|\n");
    decodeRows(md, 1000, decode1000);
    decodeRows(md, 10, decode10);
    md.append(
        f(
            "\nAllocation at 1,000 conferences: %s of stock Gson's; at 10: %s.\n",
            Interval.of(decode1000.allocationRatios(SDK, GSON)).ratio(),
            Interval.of(decode10.allocationRatios(SDK, GSON)).ratio()));

    md.append("\n## One call against a loopback server (10 conferences)\n\n")
        .append(
            "| client | µs/call (median) | × raw OkHttp [95 % CI] | caller's CPU µs/call | × raw OkHttp [95 % CI] | allocated B/call |\n")
        .append("|---|---:|---|---:|---|---:|\n")
        .append(
            f(
                "| this SDK: `conferences().list(params)` | %,.1f | %s | %,.1f | %s | %,.0f |\n",
                perCall.medianNanos(SDK) / 1e3,
                Interval.of(perCall.timeRatios(SDK, RAW)).ratio(),
                perCall.medianCpuNanos(SDK) / 1e3,
                Interval.of(perCall.cpuRatios(SDK, RAW)).ratio(),
                perCall.medianBytes(SDK)))
        .append(
            f(
                "| raw OkHttp GET + the SDK's own decoding | %,.1f | 1 | %,.1f | 1 | %,.0f |\n",
                perCall.medianNanos(RAW) / 1e3,
                perCall.medianCpuNanos(RAW) / 1e3,
                perCall.medianBytes(RAW)))
        .append(
            "\nThe target is on elapsed time, server included; the caller's CPU time shows the client's "
                + "own work alone.\n");
    callAccount(md, perCall);
    coldStart(md, cold, coldStart, classes);
    cliStart(md, cli);
    footprint(md, sdk, stock);

    md.append("\n## What the auto-pager keeps in memory\n\n")
        .append(
            f(
                "Listing the same 10,000 conferences one page ahead, after one warm-up listing, with a "
                    + "full GC at every page boundary: at %d of %d boundaries no more of the conferences "
                    + "already handed out were still reachable than the current page (at most %d at any "
                    + "boundary). The "
                    + "pager holds one more page, the one being fetched. One decoded page of 100 takes "
                    + "about %,d bytes of heap. The heap in use grew by at most %,d bytes during the "
                    + "listing; that figure also counts connection buffers and Okio's segment pool, not "
                    + "only pages.\n",
                retained.boundaries() - retained.boundariesAboveOnePage(),
                retained.boundaries(),
                retained.maxLiveConferences(),
                retained.onePageHeapBytes(),
                retained.maxHeapGrowthBytes()));
    return md.toString();
  }

  private static String listingRow(String name, Rounds listing, String contender) {
    return f(
        "| %s | %,.0f | %s |\n",
        name,
        listing.medianNanos(contender) / 1e6,
        Interval.of(listing.timeRatios(contender, LOOP)).ratio());
  }

  static void decodeRows(StringBuilder md, int conferences, Rounds rounds) {
    String[] names = {
      "**this SDK: its converter (generated decoders, own reader)**",
      "stock openapi-generator retrofit2 + Gson",
      "Moshi, reflective records",
      "Jackson databind, records",
      "Moshi skipping the document (floor of a Moshi-reader decoder)"
    };
    int bytes = BenchData.page(1, conferences, conferences).length;
    for (int i = 0; i < names.length; i++) {
      String contender = BenchmarkReport.DECODERS[i];
      double nanos = rounds.medianCpuNanos(contender);
      md.append(
          f(
              "| %,d | %s | %,.2f | %,.0f | %,.0f | %s |\n",
              conferences,
              names[i],
              nanos / 1e3,
              bytes / (nanos / 1e9) / 1e6,
              rounds.medianBytes(contender),
              contender.equals(GSON)
                  ? "1"
                  : Interval.of(rounds.cpuRatios(GSON, contender)).ratio()));
    }
  }

  private static void coldStart(
      StringBuilder md,
      Rounds cold,
      ColdStart coldStart,
      Map<String, Map<String, Integer>> classes) {
    md.append("\n## Cold start: JVM start to the first page printed\n\n")
        .append(
            "Whole processes, `java -jar` with no JVM options, against a loopback server in the "
                + "harness's JVM; a run counts from just before the process starts to its exit. The SDK "
                + "program measured is `")
        .append(coldStart.sdkCommandAsTyped())
        .append(
            "`.\n\n| program | ms (median) | × the JDK HttpClient program [95 % CI] | its own clock |\n|---|---:|---|---|\n");
    String[][] rows = {
      {ColdStart.SDK, "SDK program: `YeastarClient` + `list(1, 20)`, printed"},
      {ColdStart.JDK, "JDK `HttpClient` + the same decoding, printed"},
      {ColdStart.BUILD, "SDK program that only runs `YeastarClient.build()`"},
      {ColdStart.HELLO, "a program that only prints a line (the JVM itself)"},
    };
    for (String[] row : rows) {
      List<Double> own = new ArrayList<>();
      StringBuilder clock = new StringBuilder();
      for (Map.Entry<String, List<Double>> printed : coldStart.printed().entrySet()) {
        if (printed.getKey().startsWith(row[0] + ":")) {
          own = printed.getValue();
          double[] values = own.stream().mapToDouble(Double::doubleValue).toArray();
          clock.append(
              f(
                  "%s %.1f ms",
                  printed.getKey().substring(row[0].length() + 1), Interval.median(values)));
        }
      }
      md.append(
          f(
              "| %s | %,.0f | %s | %s |\n",
              row[1],
              cold.medianNanos(row[0]) / 1e6,
              row[0].equals(ColdStart.JDK)
                  ? "1"
                  : Interval.of(cold.timeRatios(row[0], ColdStart.JDK)).ratio(),
              clock.length() == 0 ? "" : clock + " (median)"));
    }
    md.append(
        "\n*Its own clock*: what the program measured from `main()` on (`main_to_page`: to the page "
            + "printed; `build`: `YeastarClient.builder()…build()` alone); the rest of the process time is "
            + "the JVM starting and stopping. To time the same jars with a whole-process timer after a "
            + "run: `java -cp target/classes io.github.yeastarsdk.bench.LoopbackServer` prints a URL, "
            + "then `hyperfine -N -w 2 -r 15 'java -jar target/bench/coldstart/sdk-program.jar URL' "
            + "'java -jar target/bench/coldstart/jdk-program.jar URL'`.\n\nClasses loaded, by origin (one run each with "
            + "`-Xlog:class+load`):\n\n| origin |");
    List<String> programs = new ArrayList<>(classes.keySet());
    TreeSet<String> origins = new TreeSet<>();
    classes.values().forEach(m -> origins.addAll(m.keySet()));
    programs.forEach(p -> md.append(' ').append(p).append(" |"));
    md.append("\n|---|").append("---:|".repeat(programs.size())).append('\n');
    for (String origin : origins) {
      md.append("| ").append(origin).append(" |");
      programs.forEach(p -> md.append(f(" %,d |", classes.get(p).getOrDefault(origin, 0))));
      md.append('\n');
    }
    md.append("| **total** |");
    programs.forEach(
        p ->
            md.append(
                f(
                    " **%,d** |",
                    classes.get(p).values().stream().mapToInt(Integer::intValue).sum())));
    md.append('\n');
  }

  /**
   * Where the SDK's time per call goes beyond a raw GET: each step's contender measured in the same
   * rounds, and each step's share the difference of its median from the step before.
   */
  static void callAccount(StringBuilder md, Rounds perCall) {
    String[][] steps = {
      {InProcessRounds.RAW, "raw OkHttp GET + the SDK's own decoding"},
      {
        InProcessRounds.RAW_TIMEOUTS,
        "+ the SDK's OkHttp settings: connect, read and call timeouts (the call timeout is watched"
            + " from a thread of OkHttp's), no redirects, no silent retry"
      },
      {
        InProcessRounds.RETROFIT,
        "+ Retrofit: the GET made from an interface method (proxy, request factory, OkHttpCall)"
      },
      {
        SDK,
        "+ the SDK's own runtime: call settings, its three interceptors, the retry loop with its"
            + " clone of the call, the envelope's errcode check, the page"
      },
    };
    md.append("\nWhere the difference goes, step by step (same rounds):\n\n")
        .append(
            "| step | µs/call (median) | share (µs) | × raw OkHttp [95 % CI] | allocated B/call |\n")
        .append("|---|---:|---:|---|---:|\n");
    double before = Double.NaN;
    for (String[] step : steps) {
      double micros = perCall.medianNanos(step[0]) / 1e3;
      md.append(
          f(
              "| %s | %,.1f | %s | %s | %,.0f |\n",
              step[1],
              micros,
              Double.isNaN(before) ? "" : f("%+,.1f", micros - before),
              step[0].equals(InProcessRounds.RAW)
                  ? "1"
                  : Interval.of(perCall.timeRatios(step[0], InProcessRounds.RAW)).ratio(),
              perCall.medianBytes(step[0])));
      before = micros;
    }
  }

  /** The command-line tool's start, one table per Java. */
  static void cliStart(StringBuilder md, List<CliStart.Result> cli) {
    md.append("\n## Cold start: the command-line tool to its first page\n\n")
        .append(
            "Whole processes in alternation, as above, on each Java: the tool as the README shows it, "
                + "`target/list-conferences --base-url URL --token TOKEN` (the launcher: the jar with the "
                + "class-data archive its first run made beside it, an AppCDS archive on Java 17, the AOT "
                + "cache from Java 25 on; the warm-up rounds make it), the same jar run plainly, the JDK "
                + "`HttpClient` program, and the JVM alone. The tool parses its options, builds a client, "
                + "fetches page 1 of 20 and prints it, as the JDK program fetches and prints it.\n");
    String[][] rows = {
      {CliStart.LAUNCHER, "the tool through its launcher (class-data archive)"},
      {CliStart.JAR, "the tool's jar, `java -jar`, no archive"},
      {CliStart.JDK, "JDK `HttpClient` + the SDK's adapters, printed"},
      {CliStart.HELLO, "a program that only prints a line (the JVM itself)"},
    };
    for (CliStart.Result java : cli) {
      md.append(
              f(
                  "\n**Java %s** (archive `%s`; `--version`: %s)\n\n",
                  java.javaVersion(), java.archive(), java.toolVersion()))
          .append("| program | ms (median) | × the JDK HttpClient program [95 % CI] |\n")
          .append("|---|---:|---|\n");
      for (String[] row : rows) {
        md.append(
            f(
                "| %s | %,.0f | %s |\n",
                row[1],
                java.rounds().medianNanos(row[0]) / 1e6,
                row[0].equals(CliStart.JDK)
                    ? "1"
                    : Interval.of(java.rounds().timeRatios(row[0], CliStart.JDK)).ratio()));
      }
    }
    if (cli.size() < 2) {
      md.append(
          "\nNo Java 25 was found (`-Dbench.java25=` names its home): its figure was not measured.\n");
    }
  }

  private static void footprint(StringBuilder md, Footprint.Shipped sdk, Footprint.Shipped stock) {
    md.append("\n## Runtime footprint\n\n")
        .append(
            "What an application ships to make this call: the SDK's jar (built from this build's "
                + "classes) and its runtime dependencies, beside the runtime dependencies of the stock "
                + "openapi-generator `java`/`retrofit2` client generated from the same spec (its own "
                + "generated classes not counted). *Duplicated* counts classes that another jar of the "
                + "same set also has; a jar with no classes of its own is only a pointer to another.\n\n");
    for (Object[] set :
        new Object[][] {{"this SDK", sdk}, {"stock retrofit2 + Gson client", stock}}) {
      Footprint.Shipped shipped = (Footprint.Shipped) set[1];
      md.append("| ")
          .append(set[0])
          .append(" | bytes | classes | duplicated |\n|---|---:|---:|---:|\n");
      for (Footprint.Entry e : shipped.entries()) {
        md.append(
            f("| %s | %,d | %,d | %,d |\n", e.name(), e.bytes(), e.classes(), e.duplicated()));
      }
      md.append(f("| **total** | **%,d** | **%,d** | |\n\n", shipped.bytes(), shipped.classes()));
    }
  }
}
