package io.github.yeastarsdk.bench;

import static io.github.yeastarsdk.bench.InProcessRounds.FLOOR;
import static io.github.yeastarsdk.bench.InProcessRounds.GSON;
import static io.github.yeastarsdk.bench.InProcessRounds.JACKSON;
import static io.github.yeastarsdk.bench.InProcessRounds.LOOP;
import static io.github.yeastarsdk.bench.InProcessRounds.MOSHI_RECORDS;
import static io.github.yeastarsdk.bench.InProcessRounds.PAGER_1;
import static io.github.yeastarsdk.bench.InProcessRounds.PAGER_4;
import static io.github.yeastarsdk.bench.InProcessRounds.RAW;
import static io.github.yeastarsdk.bench.InProcessRounds.SDK;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every figure in alternating rounds in this one JVM and writes docs/benchmarks.md: the
 * intervals, the targets with their verdicts, cold start, footprint and what the pager retains.
 */
public final class BenchmarkReport {
  private BenchmarkReport() {}

  public static void main(String[] args) throws Exception {
    Path output = Path.of(args.length > 0 ? args[0] : "docs/benchmarks.md");
    Path work = Path.of(args.length > 1 ? args[1] : "target/bench");
    InProcessRounds.Plan plan = InProcessRounds.Plan.fromSystemProperties();
    Instant started = Instant.now();
    String loadBefore = Machine.loadAverage();
    LoadWatch load = new LoadWatch();
    Report report = new Report(load);
    if ("cli".equals(System.getProperty("bench.only"))) {
      // Trying a change to the tool's start out: its figures alone, printed, no report written.
      List<CliStart.Result> cli;
      try (LoopbackServer server = new LoopbackServer(100, 0)) {
        cli = cliStart(Jars.make(work.resolve("coldstart")), server, work, plan);
      }
      load.close();
      StringBuilder md = new StringBuilder(load.note());
      Report.cliStart(md, cli);
      System.out.println(md);
      return;
    }

    List<Path> forks = InProcessFork.run(plan.forks(), work);
    Rounds decode1000 = InProcessFork.merged(forks, InProcessFork.DECODE_1000);
    Rounds decode10 = InProcessFork.merged(forks, InProcessFork.DECODE_10);
    if (decodeOnly()) {
      // Trying a change to the adapters out: the decode figures alone, printed, no report written.
      load.close();
      System.out.println(decodeOnly(decode1000, decode10, loadBefore, load));
      return;
    }
    Rounds perCall = InProcessFork.merged(forks, InProcessFork.PER_CALL);
    if ("call".equals(System.getProperty("bench.only"))) {
      // Trying a change to a call's path out: the per-call account alone, printed.
      load.close();
      StringBuilder md = new StringBuilder(load.note());
      Report.callAccount(md, perCall);
      Interval call = Interval.of(perCall.timeRatios(SDK, RAW));
      System.out.println(
          md.append("\none call " + call.ratio() + " " + load.verdict(call.atMost(1.05))));
      return;
    }
    log("listing 10,000 conferences");
    Rounds listing = InProcessRounds.listing(plan);

    log("cold start");
    Jars jars = Jars.make(work.resolve("coldstart"));
    Rounds cold;
    ColdStart coldStart;
    java.util.Map<String, java.util.Map<String, Integer>> classes;
    List<CliStart.Result> cli;
    try (LoopbackServer server = new LoopbackServer(100, 0)) {
      coldStart = new ColdStart(jars, server);
      cold = coldStart.run(2, plan.coldRounds());
      classes = coldStart.classesLoaded();
      log("the command-line tool's start");
      cli = cliStart(jars, server, work, plan);
    }
    log("retained pages");
    RetainedPages.Retained retained = RetainedPages.measure();
    log("the mock server's throughput");
    List<String> whyNoMock = new ArrayList<>();
    List<MockThroughput.Run> mock =
        Boolean.parseBoolean(System.getProperty("bench.mock", "true"))
            ? MockThroughput.measure(
                Path.of("").toAbsolutePath(), Boolean.getBoolean("bench.quick") ? 1 : 2, whyNoMock)
            : List.of();
    if (mock.isEmpty() && whyNoMock.isEmpty()) {
      whyNoMock.add("-Dbench.mock=false");
    }

    load.close();
    Interval pager4 = Interval.of(listing.timeRatios(PAGER_4, LOOP));
    Interval pager1 = Interval.of(listing.timeRatios(PAGER_1, LOOP));
    Interval speed1000 = Interval.of(decode1000.cpuRatios(GSON, SDK));
    Interval speed10 = Interval.of(decode10.cpuRatios(GSON, SDK));
    Interval alloc1000 = Interval.of(decode1000.allocationRatios(SDK, GSON));
    Interval call = Interval.of(perCall.timeRatios(SDK, RAW));
    Interval coldRatio = Interval.of(cold.timeRatios(ColdStart.SDK, ColdStart.JDK));
    report
        .target(
            "listing, N = 4 in flight: ≤ 0.40× the stock sequential loop",
            pager4,
            pager4.atMost(0.40))
        .target(
            "listing, N = 1 (default): ≤ 0.72× the stock sequential loop",
            pager1,
            pager1.atMost(0.72))
        .target("decode 1,000: ≥ 1.3× stock Gson's speed", speed1000, speed1000.atLeast(1.3))
        .target("decode 10: ≥ 1.4× stock Gson's speed", speed10, speed10.atLeast(1.4))
        .target("decode 1,000: allocation ≤ 0.5× stock Gson's", alloc1000, alloc1000.atMost(0.5))
        .target(
            "one call on loopback: ≤ 1.05× raw OkHttp + the same decoding", call, call.atMost(1.05))
        .target(
            "cold start to first page: ≤ 1.5× the JDK HttpClient program",
            coldRatio,
            coldRatio.atMost(1.5));
    for (CliStart.Result java : cli) {
      Interval ratio = Interval.of(java.rounds().timeRatios(CliStart.LAUNCHER, CliStart.JDK));
      report.target(
          "the command-line tool (launcher) to its first page, Java "
              + java.javaVersion()
              + ": ≤ 0.35× the JDK HttpClient program",
          ratio,
          ratio.atMost(0.35));
    }

    Footprint.Shipped sdk = Footprint.sdk(jars);
    Footprint.Shipped stock = Footprint.stock(jars);
    long minutes = ChronoUnit.SECONDS.between(started, Instant.now());
    String md =
        report.markdown(
            new Report.Run(started, minutes, loadBefore, Machine.loadAverage(), plan),
            listing,
            decode1000,
            decode10,
            perCall,
            cold,
            coldStart,
            classes,
            cli,
            sdk,
            stock,
            retained);
    StringBuilder mockSection = new StringBuilder();
    MockThroughput.markdown(mockSection, mock, whyNoMock);
    md = md + mockSection + PreviousRun.section(output, md);
    Files.createDirectories(output.toAbsolutePath().getParent());
    Files.writeString(output, md, StandardCharsets.UTF_8);
    System.out.println(md);
    System.out.println("Written: " + output);
  }

  /** The tool's start on this JVM's Java and, when there is one, on Java 25. */
  private static List<CliStart.Result> cliStart(
      Jars jars, LoopbackServer server, Path work, InProcessRounds.Plan plan) throws Exception {
    Path launcher = Path.of(System.getProperty("bench.cli.launcher", "target/list-conferences"));
    Path cliJar = Path.of(System.getProperty("bench.cli.jar", "target/missing-cli.jar"));
    CliStart start = new CliStart(launcher, cliJar, jars.jdkProgram(), work, server);
    List<CliStart.Result> results = new ArrayList<>();
    results.add(start.run(Path.of(System.getProperty("java.home")), 2, plan.coldRounds()));
    Path java25 = CliStart.java25();
    if (java25 != null) {
      results.add(start.run(java25, 2, plan.coldRounds()));
    }
    return results;
  }

  /** The decode table and its targets alone, for {@code -Dbench.only=decode}. */
  private static String decodeOnly(
      Rounds decode1000, Rounds decode10, String loadBefore, LoadWatch load) {
    StringBuilder md = new StringBuilder();
    md.append("Load average " + loadBefore + " before, " + Machine.loadAverage() + " after.\n\n")
        .append(load.note())
        .append(
            "| conferences | decoder | CPU µs/op (median) | MB/s | allocated B/op | speed × stock Gson [95 % CI] |\n")
        .append("|---:|---|---:|---:|---:|---|\n");
    Report.decodeRows(md, 1000, decode1000);
    Report.decodeRows(md, 10, decode10);
    Interval speed1000 = Interval.of(decode1000.cpuRatios(GSON, SDK));
    Interval speed10 = Interval.of(decode10.cpuRatios(GSON, SDK));
    Interval alloc1000 = Interval.of(decode1000.allocationRatios(SDK, GSON));
    return md.append("\nspeed 1,000 ")
        .append(speed1000.ratio() + " " + load.verdict(speed1000.atLeast(1.3)))
        .append("; speed 10 " + speed10.ratio() + " " + load.verdict(speed10.atLeast(1.3)))
        .append(
            "; allocation 1,000 " + alloc1000.ratio() + " " + load.verdict(alloc1000.atMost(0.5)))
        .append('\n')
        .toString();
  }

  /** {@code -Dbench.only=decode}: only the decode rounds, printed rather than written. */
  static boolean decodeOnly() {
    return "decode".equals(System.getProperty("bench.only"));
  }

  static void log(String what) {
    System.out.println("[bench " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "] " + what);
  }

  static final String[] DECODERS = {SDK, GSON, MOSHI_RECORDS, JACKSON, FLOOR};
}
