package io.github.yeastarsdk.bench;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Runs contenders in alternation within one JVM: round after round, each contender once, the order
 * rotated every round (A B C, B C A, C A B, ...) so that none always follows the same one. A figure
 * is then the ratio of two contenders within each round, never of two time windows.
 */
final class Rounds {
  /**
   * One measurement of a contender, per operation: elapsed nanoseconds, bytes allocated, and the
   * nanoseconds of CPU time its thread used plus the collector's pauses meanwhile.
   */
  record Sample(double nanosPerOp, double bytesPerOp, double cpuNanosPerOp) {}

  /** A contender: measures itself once and says what one operation cost. */
  interface Contender {
    Sample measure() throws Exception;
  }

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  /** Where results go, so that the JIT cannot drop the work that made them. */
  static volatile Object sink;

  private final Map<String, Contender> contenders = new LinkedHashMap<>();

  /** By contender, one list of samples per JVM the rounds ran in. */
  private final Map<String, List<List<Sample>>> samples = new LinkedHashMap<>();

  Rounds add(String name, Contender contender) {
    contenders.put(name, contender);
    samples.put(name, new ArrayList<>(List.of(new ArrayList<>())));
    return this;
  }

  /** Adds the rounds another JVM ran, as a group of their own. */
  Rounds addFork(Rounds fork) {
    fork.samples.forEach(
        (name, groups) -> {
          List<List<Sample>> mine = samples.computeIfAbsent(name, n -> new ArrayList<>());
          groups.stream().filter(g -> !g.isEmpty()).forEach(mine::add);
        });
    return this;
  }

  /** Writes the counted samples as lines of contender, ns/op, B/op and CPU ns/op. */
  void write(Path file) throws IOException {
    StringBuilder out = new StringBuilder();
    samples.forEach(
        (name, groups) ->
            groups.forEach(
                group ->
                    group.forEach(
                        s ->
                            out.append(name)
                                .append('\t')
                                .append(s.nanosPerOp())
                                .append('\t')
                                .append(s.bytesPerOp())
                                .append('\t')
                                .append(s.cpuNanosPerOp())
                                .append('\n'))));
    Files.writeString(file, out, StandardCharsets.UTF_8);
  }

  /** Reads what {@link #write} wrote, as the rounds of one JVM. */
  static Rounds read(Path file) throws IOException {
    Rounds rounds = new Rounds();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String[] f = line.split("\t");
      rounds
          .samples
          .computeIfAbsent(f[0], n -> new ArrayList<>(List.of(new ArrayList<>())))
          .get(0)
          .add(
              new Sample(
                  Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3])));
    }
    return rounds;
  }

  /** Runs {@code warmup} rounds that are thrown away, then {@code rounds} that count. */
  Rounds run(int warmup, int rounds) throws Exception {
    return run(warmup, rounds, false);
  }

  /**
   * Runs {@code warmup} rounds that are thrown away, then, if {@code untilCompiled}, more of them
   * until the JIT compilers have been idle for a second (at most {@link #MAX_WARMUP_NANOS}), then
   * {@code rounds} that count. On a busy machine the compilers may still be at work after a fixed
   * warm-up, and a contender measured before its code is compiled would look slower than it is.
   */
  Rounds run(int warmup, int rounds, boolean untilCompiled) throws Exception {
    List<String> names = new ArrayList<>(contenders.keySet());
    for (int round = 0; round < warmup; round++) {
      round(names, round, false);
    }
    if (untilCompiled) {
      CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
      long giveUp = System.nanoTime() + MAX_WARMUP_NANOS;
      long compiled;
      do {
        compiled = jit.getTotalCompilationTime();
        long second = System.nanoTime() + 1_000_000_000L;
        for (int round = 0; System.nanoTime() < second; round++) {
          round(names, round, false);
        }
      } while (jit.getTotalCompilationTime() != compiled && System.nanoTime() < giveUp);
    }
    for (int round = 0; round < rounds; round++) {
      round(names, round, true);
    }
    return this;
  }

  /** The longest a warm-up waits for the compilers. */
  static final long MAX_WARMUP_NANOS = 20_000_000_000L;

  private void round(List<String> names, int round, boolean counts) throws Exception {
    for (int i = 0; i < names.size(); i++) {
      String name = names.get((round + i) % names.size());
      Sample sample = contenders.get(name).measure();
      if (counts) {
        samples.get(name).get(0).add(sample);
      }
    }
  }

  /** The per-round ratios {@code a / b} of elapsed time per operation, by JVM. */
  double[][] timeRatios(String a, String b) {
    return ratios(a, b, Sample::nanosPerOp);
  }

  /**
   * The per-round ratios {@code a / b} of CPU time (plus collector pauses) per operation: what
   * single-threaded work costs, without the time other processes held the core.
   */
  double[][] cpuRatios(String a, String b) {
    return ratios(a, b, Sample::cpuNanosPerOp);
  }

  /** The per-round ratios {@code a / b} of bytes allocated per operation, by JVM. */
  double[][] allocationRatios(String a, String b) {
    return ratios(a, b, Sample::bytesPerOp);
  }

  private double[][] ratios(String a, String b, ToDoubleFunction<Sample> figure) {
    List<List<Sample>> as = samples.get(a);
    List<List<Sample>> bs = samples.get(b);
    double[][] ratios = new double[as.size()][];
    for (int g = 0; g < ratios.length; g++) {
      ratios[g] = new double[as.get(g).size()];
      for (int i = 0; i < ratios[g].length; i++) {
        ratios[g][i] =
            figure.applyAsDouble(as.get(g).get(i)) / figure.applyAsDouble(bs.get(g).get(i));
      }
    }
    return ratios;
  }

  private double median(String name, ToDoubleFunction<Sample> figure) {
    return Interval.median(
        samples.get(name).stream().flatMap(List::stream).mapToDouble(figure).toArray());
  }

  /** The median time per operation of one contender across the counted rounds. */
  double medianNanos(String name) {
    return median(name, Sample::nanosPerOp);
  }

  /** The median CPU nanoseconds (plus collector pauses) per operation of one contender. */
  double medianCpuNanos(String name) {
    return median(name, Sample::cpuNanosPerOp);
  }

  /** The median bytes allocated per operation of one contender across the counted rounds. */
  double medianBytes(String name) {
    return median(name, Sample::bytesPerOp);
  }

  /** An operation that may throw, for the contenders made by {@link #timed}. */
  interface Op {
    Object run() throws Exception;
  }

  /**
   * A contender that repeats {@code op} on this thread for about {@code sliceMillis}, and reports
   * the mean time and allocation per call over that slice.
   */
  static Contender timed(long sliceMillis, Op op) {
    return () -> {
      long threadId = Thread.currentThread().getId();
      long bytesBefore = THREADS.getThreadAllocatedBytes(threadId);
      long gcBefore = gcMillis();
      long cpuBefore = THREADS.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      long deadline = start + sliceMillis * 1_000_000;
      long ops = 0;
      long now;
      do {
        sink = op.run();
        ops++;
        now = System.nanoTime();
      } while (now < deadline);
      long cpu = THREADS.getCurrentThreadCpuTime() - cpuBefore;
      long gc = gcMillis() - gcBefore;
      long bytes = THREADS.getThreadAllocatedBytes(threadId) - bytesBefore;
      return new Sample(
          (now - start) / (double) ops,
          bytes / (double) ops,
          (cpu + gc * 1_000_000) / (double) ops);
    };
  }

  /** The collectors' accumulated time: their threads' work is not the measured thread's CPU. */
  private static long gcMillis() {
    long millis = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      millis += Math.max(0, gc.getCollectionTime());
    }
    return millis;
  }

  /** A contender that runs {@code op} once per round, for what takes long enough on its own. */
  static Contender once(Op op) {
    return () -> {
      long start = System.nanoTime();
      sink = op.run();
      return new Sample(System.nanoTime() - start, Double.NaN, Double.NaN);
    };
  }
}
