package io.github.yeastarsdk;

import java.util.List;

/**
 * The access token expired or is unknown to the PBX (errcode 10004): get a new one and call again.
 */
public final class TokenExpiredException extends ApiErrorException {
  TokenExpiredException(int errcode, String errmsg, List<InvalidParam> invalidParams) {
    super(errcode, errmsg, invalidParams);
  }
}
