package io.github.yeastarsdk;

import java.util.List;

/** The application has no permission for this call (errcode 10005). */
public final class AccessDeniedException extends ApiErrorException {
  /**
   * For callers' own tests; see {@link ApiErrorException#ApiErrorException(int, String, String,
   * List)}.
   */
  public AccessDeniedException(
      int errcode, String errmsg, String submsg, List<InvalidParam> invalidParams) {
    super(errcode, errmsg, submsg, invalidParams);
  }
}
