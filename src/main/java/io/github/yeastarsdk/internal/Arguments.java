package io.github.yeastarsdk.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * The checks that the client's settings and one call's options share, so that the same bad value is
 * refused in the same words wherever it is set.
 */
public final class Arguments {
  private Arguments() {}

  /**
   * Returns {@code value}.
   *
   * @throws NullPointerException naming {@code name} if {@code value} is null
   * @throws IllegalArgumentException naming {@code name} if {@code value} is negative
   */
  public static Duration nonNegative(String name, Duration value) {
    Objects.requireNonNull(value, name + " == null");
    if (value.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, was " + value);
    }
    return value;
  }

  /**
   * Returns {@code maxRetries}.
   *
   * @throws IllegalArgumentException if {@code maxRetries} is negative
   */
  public static int maxRetries(int maxRetries) {
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must be at least 0, was " + maxRetries);
    }
    return maxRetries;
  }
}
