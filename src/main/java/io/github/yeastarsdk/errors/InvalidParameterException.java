package io.github.yeastarsdk.errors;

/** The PBX rejected a parameter (errcode 40001 or 40002); {@link #invalidParams()} names it. */
public final class InvalidParameterException extends ApiErrorException {
  /**
   * For callers' own tests.
   *
   * @param error what the PBX said
   */
  public InvalidParameterException(ApiError error) {
    super(error);
  }
}
