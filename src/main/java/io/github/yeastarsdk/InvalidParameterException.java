package io.github.yeastarsdk;

import java.util.List;

/** The PBX rejected a parameter (errcode 40001 or 40002); {@link #invalidParams()} names it. */
public final class InvalidParameterException extends ApiErrorException {
  /**
   * For callers' own tests; see {@link ApiErrorException#ApiErrorException(int, String, String,
   * List)}.
   */
  public InvalidParameterException(
      int errcode, String errmsg, String submsg, List<InvalidParam> invalidParams) {
    super(errcode, errmsg, submsg, invalidParams);
  }
}
