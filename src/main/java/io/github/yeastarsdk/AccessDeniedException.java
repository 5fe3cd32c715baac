package io.github.yeastarsdk;

import java.util.List;

/** The application has no permission for this call (errcode 10005). */
public final class AccessDeniedException extends ApiErrorException {
  AccessDeniedException(int errcode, String errmsg, List<InvalidParam> invalidParams) {
    super(errcode, errmsg, invalidParams);
  }
}
