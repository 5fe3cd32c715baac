package io.github.yeastarsdk;

import java.util.List;

/** The PBX rejected a parameter (errcode 40001 or 40002); {@link #invalidParams()} names it. */
public final class InvalidParameterException extends ApiErrorException {
  InvalidParameterException(int errcode, String errmsg, List<InvalidParam> invalidParams) {
    super(errcode, errmsg, invalidParams);
  }
}
