package io.github.yeastarsdk.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The median of per-round ratios with its 95 % bootstrap confidence interval: the rounds are
 * resampled with replacement, the median taken each time, and the 2.5th and 97.5th percentiles of
 * those medians bound the interval. Each ratio compares two contenders measured in the same round,
 * so a drift of the machine's speed between rounds moves both sides of a ratio together.
 */
record Interval(double median, double low, double high, int rounds) {
  private static final int RESAMPLES = 10_000;

  static Interval of(double[] ratios) {
    if (ratios.length == 0) {
      throw new IllegalArgumentException("no rounds");
    }
    // A fixed seed: the same rounds always give the same interval.
    SplittableRandom random = new SplittableRandom(20261128);
    double[] medians = new double[RESAMPLES];
    double[] sample = new double[ratios.length];
    for (int r = 0; r < RESAMPLES; r++) {
      for (int i = 0; i < sample.length; i++) {
        sample[i] = ratios[random.nextInt(ratios.length)];
      }
      medians[r] = median(sample);
    }
    Arrays.sort(medians);
    return new Interval(
        median(ratios.clone()),
        medians[(int) Math.floor(0.025 * (RESAMPLES - 1))],
        medians[(int) Math.ceil(0.975 * (RESAMPLES - 1))],
        ratios.length);
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
