package io.github.yeastarsdk.errors;

/**
 * The access token expired or is unknown to the PBX (errcode 10004): get a new one and call again.
 */
public final class TokenExpiredException extends ApiErrorException {
  /**
   * For callers' own tests.
   *
   * @param error what the PBX said
   */
  public TokenExpiredException(ApiError error) {
    super(error);
  }
}
