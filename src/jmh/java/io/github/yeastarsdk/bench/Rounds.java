package io.github.yeastarsdk.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
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
  private final Map<String, List<Sample>> samples = new LinkedHashMap<>();

  Rounds add(String name, Contender contender) {
    contenders.put(name, contender);
    samples.put(name, new ArrayList<>());
    return this;
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
        samples.get(name).add(sample);
      }
    }
  }

  /** The per-round ratios {@code a / b} of elapsed time per operation. */
  double[] timeRatios(String a, String b) {
    return ratios(a, b, Sample::nanosPerOp);
  }

  /**
   * The per-round ratios {@code a / b} of CPU time (plus collector pauses) per operation: what
   * single-threaded work costs, without the time other processes held the core.
   */
  double[] cpuRatios(String a, String b) {
    return ratios(a, b, Sample::cpuNanosPerOp);
  }

  /** The per-round ratios {@code a / b} of bytes allocated per operation. */
  double[] allocationRatios(String a, String b) {
    return ratios(a, b, Sample::bytesPerOp);
  }

  private double[] ratios(String a, String b, ToDoubleFunction<Sample> figure) {
    List<Sample> as = samples.get(a);
    List<Sample> bs = samples.get(b);
    double[] ratios = new double[as.size()];
    for (int i = 0; i < ratios.length; i++) {
      ratios[i] = figure.applyAsDouble(as.get(i)) / figure.applyAsDouble(bs.get(i));
    }
    return ratios;
  }

  /** The median time per operation of one contender across the counted rounds. */
  double medianNanos(String name) {
    return Interval.median(samples.get(name).stream().mapToDouble(Sample::nanosPerOp).toArray());
  }

  /** The median CPU nanoseconds (plus collector pauses) per operation of one contender. */
  double medianCpuNanos(String name) {
    return Interval.median(samples.get(name).stream().mapToDouble(Sample::cpuNanosPerOp).toArray());
  }

  /** The median bytes allocated per operation of one contender across the counted rounds. */
  double medianBytes(String name) {
    return Interval.median(samples.get(name).stream().mapToDouble(Sample::bytesPerOp).toArray());
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
