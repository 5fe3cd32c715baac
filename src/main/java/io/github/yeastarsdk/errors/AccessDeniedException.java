package io.github.yeastarsdk.errors;

/** The application has no permission for this call (errcode 10005). */
public final class AccessDeniedException extends ApiErrorException {
  /**
   * For callers' own tests.
   *
   * @param error what the PBX said
   */
  public AccessDeniedException(ApiError error) {
    super(error);
  }
}
