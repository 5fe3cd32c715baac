package io.github.yeastarsdk;

/**
 * The outcome that every answer of the PBX carries. Every response record of the spec implements
 * it: the template writes both methods from the fields that the spec marks with {@code
 * x-envelope-status}, {@code x-envelope-message} and {@code x-envelope-details}, and from the
 * errcode table in {@code x-errcodes}.
 */
interface Envelope {
  /** True when the answer reports a failure rather than a result. */
  boolean failed();

  /** The exception that the spec's errcode table maps this failure to; call only when failed. */
  ApiErrorException failure();
}
