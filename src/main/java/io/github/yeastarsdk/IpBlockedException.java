package io.github.yeastarsdk;

import java.util.List;

/**
 * The PBX blocks the caller's IP address (errcode 70004 or 70087), for example after repeated
 * failed logins.
 */
public final class IpBlockedException extends ApiErrorException {
  /**
   * For callers' own tests; see {@link ApiErrorException#ApiErrorException(int, String, String,
   * List)}.
   */
  public IpBlockedException(
      int errcode, String errmsg, String submsg, List<InvalidParam> invalidParams) {
    super(errcode, errmsg, submsg, invalidParams);
  }
}
