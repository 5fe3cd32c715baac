package io.github.yeastarsdk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Samples the 1-minute load average every few seconds while the figures run. The figures time CPU
 * and alternate contenders so that other processes cost both sides of a ratio alike, but a load
 * above the core count still widens the intervals: then a target whose interval straddles its limit
 * says the run was too noisy to decide, not that the target is half met.
 */
final class LoadWatch implements AutoCloseable {
  private static final long PERIOD_MILLIS = 5_000;

  private final int cores = Runtime.getRuntime().availableProcessors();
  private final Thread sampler;
  private double highest = -1;
  private int samples;
  private int samplesAboveCores;

  LoadWatch() {
    sample();
    sampler =
        new Thread(
            () -> {
              try {
                while (true) {
                  Thread.sleep(PERIOD_MILLIS);
                  sample();
                }
              } catch (InterruptedException e) {
                // close(): done.
              }
            },
            "load-watch");
    sampler.setDaemon(true);
    sampler.start();
  }

  private synchronized void sample() {
    try {
      String first = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0];
      double load = Double.parseDouble(first);
      highest = Math.max(highest, load);
      samples++;
      if (load > cores) {
        samplesAboveCores++;
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux: no samples, and summary() says so.
    }
  }

  /** True when the 1-minute load went above the core count: other processes wanted the cores. */
  synchronized boolean noisy() {
    return samplesAboveCores > 0;
  }

  /** As "the 1-minute load average peaked at 7.20 on 2 cores, above 2 in 12 of 40 samples". */
  synchronized String summary() {
    if (samples == 0) {
      return "the load average could not be read";
    }
    return String.format(
        Locale.ROOT,
        "the 1-minute load average, sampled every %d s, peaked at %.2f on %d cores and was above %d"
            + " in %d of %d samples",
        PERIOD_MILLIS / 1000,
        highest,
        cores,
        cores,
        samplesAboveCores,
        samples);
  }

  /** A verdict as the report writes it: an undecided one of a noisy run was too noisy to decide. */
  String verdict(Interval.Verdict verdict) {
    return verdict == Interval.Verdict.UNDECIDED && noisy()
        ? "undecided: too noisy to decide"
        : verdict.text;
  }

  /** What the load did during the run, and what that means for the verdicts, as a paragraph. */
  String note() {
    return noisy()
        ? "During the figures "
            + summary()
            + ": other processes wanted the cores, which widens "
            + "the intervals. A target whose interval straddles its limit was too noisy to decide: "
            + "run again on a quieter machine to settle it.\n\n"
        : "During the figures " + summary() + ".\n\n";
  }

  @Override
  public void close() throws InterruptedException {
    sampler.interrupt();
    sampler.join();
    sample();
  }
}
