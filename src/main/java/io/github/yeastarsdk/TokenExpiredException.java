package io.github.yeastarsdk;

import java.util.List;

/**
 * The access token expired or is unknown to the PBX (errcode 10004): get a new one and call again.
 */
public final class TokenExpiredException extends ApiErrorException {
  /**
   * For callers' own tests; see {@link ApiErrorException#ApiErrorException(int, String, String,
   * List)}.
   */
  public TokenExpiredException(
      int errcode, String errmsg, String submsg, List<InvalidParam> invalidParams) {
    super(errcode, errmsg, submsg, invalidParams);
  }
}
