package io.github.yeastarsdk.errors;

/**
 * The PBX blocks the caller's IP address (errcode 70004 or 70087), for example after repeated
 * failed logins.
 */
public final class IpBlockedException extends ApiErrorException {
  /**
   * For callers' own tests.
   *
   * @param error what the PBX said
   */
  public IpBlockedException(ApiError error) {
    super(error);
  }
}
