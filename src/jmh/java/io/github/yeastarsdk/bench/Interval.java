package io.github.yeastarsdk.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The median of per-round ratios with its 95 % bootstrap confidence interval. Each ratio compares
 * two contenders measured in the same round, so a drift of the machine's speed between rounds moves
 * both sides of a ratio together. The rounds come in groups, one per JVM: the bootstrap resamples
 * the JVMs with replacement, then the rounds within each, takes the median each time, and the 2.5th
 * and 97.5th percentiles of those medians bound the interval. Resampling the JVMs too makes the
 * interval cover what differs from one JVM to the next (the JIT compiles the same code differently
 * from run to run), which no number of rounds within one JVM can show.
 */
record Interval(double median, double low, double high, int groups, int rounds) {
  private static final int RESAMPLES = 10_000;

  /** The interval of the rounds of one JVM. */
  static Interval of(double[] ratios) {
    return of(new double[][] {ratios});
  }

  /** The interval of rounds grouped by JVM. */
  static Interval of(double[][] groups) {
    int total = 0;
    for (double[] group : groups) {
      if (group.length == 0) {
        throw new IllegalArgumentException("a group without rounds");
      }
      total += group.length;
    }
    double[] all = new double[total];
    int at = 0;
    for (double[] group : groups) {
      System.arraycopy(group, 0, all, at, group.length);
      at += group.length;
    }
    // A fixed seed: the same rounds always give the same interval.
    SplittableRandom random = new SplittableRandom(20261128);
    double[] medians = new double[RESAMPLES];
    double[] sample = new double[total];
    for (int r = 0; r < RESAMPLES; r++) {
      int n = 0;
      while (n < total) {
        double[] group = groups[random.nextInt(groups.length)];
        for (int i = 0; i < group.length && n < total; i++) {
          sample[n++] = group[random.nextInt(group.length)];
        }
      }
      medians[r] = median(sample);
    }
    Arrays.sort(medians);
    return new Interval(
        median(all),
        medians[(int) Math.floor(0.025 * (RESAMPLES - 1))],
        medians[(int) Math.ceil(0.975 * (RESAMPLES - 1))],
        groups.length,
        total);
  }

  /** The median; sorts {@code values} in place. */
  static double median(double[] values) {
    Arrays.sort(values);
    int n = values.length;
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
  }

  /** As "0.69× [0.68, 0.70]". */
  String ratio() {
    return String.format(Locale.ROOT, "%s× [%s, %s]", fmt(median), fmt(low), fmt(high));
  }

  private static String fmt(double value) {
    return String.format(Locale.ROOT, value >= 10 ? "%.1f" : "%.3f", value);
  }

  /** What a target says of a measured interval. */
  enum Verdict {
    MET("met"),
    NOT_MET("**not met**"),
    UNDECIDED("undecided");

    final String text;

    Verdict(String text) {
      this.text = text;
    }
  }

  /** Met only if the whole interval is at or below {@code limit}; not met if wholly above. */
  Verdict atMost(double limit) {
    return high <= limit ? Verdict.MET : low > limit ? Verdict.NOT_MET : Verdict.UNDECIDED;
  }

  /** Met only if the whole interval is at or above {@code limit}; not met if wholly below. */
  Verdict atLeast(double limit) {
    return low >= limit ? Verdict.MET : high < limit ? Verdict.NOT_MET : Verdict.UNDECIDED;
  }
}
