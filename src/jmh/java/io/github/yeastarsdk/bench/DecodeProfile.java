package io.github.yeastarsdk.bench;

/**
 * Decodes one conference/list body in a loop with one decoder, for a profiler to sample: {@code
 * java -XX:StartFlightRecording=filename=decode.jfr,settings=profile -cp … DecodeProfile sdk 1000
 * 30}, then {@code jfr print --events jdk.ExecutionSample decode.jfr}. Arguments: the decoder, the
 * number of conferences and the seconds to run. Decoders: {@code sdk}, {@code gson}, {@code
 * jackson}, {@code skip}; {@code tokens} reads every token as an adapter must (names selected,
 * strings made) but builds no model; {@code source} takes the document through {@code
 * nextSource()}. Prints the thread's CPU time per decode over the second half (the collector's
 * threads not counted), a figure only for comparing profiles: the report's figures come from
 * alternating rounds.
 */
public final class DecodeProfile {
  private DecodeProfile() {}

  public static void main(String[] args) throws Exception {
    String decoder = args.length > 0 ? args[0] : "sdk";
    DecodeBenchmark bench = new DecodeBenchmark();
    bench.conferences = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    long seconds = args.length > 2 ? Long.parseLong(args[2]) : 20;
    bench.setUp();
    Rounds.Op op =
        switch (decoder) {
          case "sdk" -> bench::sdkGeneratedAdapters;
          case "gson" -> bench::stockGeneratorGson;
          case "jackson" -> bench::jacksonRecords;
          case "skip" -> bench::moshiSkipDocumentFloor;
          case "tokens" -> () -> TokenWalk.walk(bench.body());
          case "source" -> () -> TokenWalk.rawValue(bench.body());
          default -> throw new IllegalArgumentException("unknown decoder " + decoder);
        };
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    long cpuStart = 0;
    long counted = 0;
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    long warm = System.nanoTime() + seconds * 1_000_000_000L / 2;
    long decodes = 0;
    Object sink = null;
    while (System.nanoTime() < end) {
      for (int i = 0; i < 100; i++) {
        sink = op.run();
      }
      decodes += 100;
      if (cpuStart == 0 && System.nanoTime() > warm) {
        cpuStart = threads.getCurrentThreadCpuTime();
        counted = decodes;
      }
    }
    double cpuMicros =
        (threads.getCurrentThreadCpuTime() - cpuStart) / 1000.0 / (decodes - counted);
    System.out.printf(
        "%s %d: %.2f CPU µs per decode over the second half (%s)%n",
        decoder, bench.conferences, cpuMicros, sink == null ? "null" : "ok");
  }
}
