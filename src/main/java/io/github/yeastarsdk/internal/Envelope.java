package io.github.yeastarsdk.internal;

import io.github.yeastarsdk.InvalidParam;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The outcome that every answer of the PBX carries. Every response record of the spec implements
 * it: the template writes both methods from the fields that the spec marks with {@code
 * x-envelope-status}, {@code x-envelope-message}, {@code x-envelope-submessage} and {@code
 * x-envelope-details}. {@link FailureAnswers} turns a failure into its exception.
 */
public interface Envelope {
  /** True when the answer reports a failure rather than a result. */
  public boolean failed();

  /** What the failure says; call only when {@link #failed()}. */
  public Failure failure();

  /**
   * A failure as the PBX stated it, its texts not yet redacted.
   *
   * @param errmsg null when the answer had none
   * @param submsg null when the answer had none
   * @param invalidParams null or empty when the answer listed none
   */
  public record Failure(
      int errcode,
      @Nullable String errmsg,
      @Nullable String submsg,
      @Nullable List<InvalidParam> invalidParams) {}
}
