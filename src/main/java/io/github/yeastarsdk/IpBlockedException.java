package io.github.yeastarsdk;

import java.util.List;

/**
 * The PBX blocks the caller's IP address (errcode 70004 or 70087), for example after repeated
 * failed logins.
 */
public final class IpBlockedException extends ApiErrorException {
  IpBlockedException(int errcode, String errmsg, List<InvalidParam> invalidParams) {
    super(errcode, errmsg, invalidParams);
  }
}
