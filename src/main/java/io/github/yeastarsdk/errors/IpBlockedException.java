package io.github.yeastarsdk.errors;

import io.github.yeastarsdk.InvalidParam;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The PBX blocks the caller's IP address (errcode 70004 or 70087), for example after repeated
 * failed logins.
 */
public final class IpBlockedException extends ApiErrorException {
  /**
   * For callers' own tests; see {@link ApiErrorException#ApiErrorException(int, String, String,
   * List)}.
   *
   * @param errcode the PBX's error code
   * @param errmsg the PBX's error text, or null when the answer had none
   * @param submsg the PBX's more specific message, or null when the answer had none
   * @param invalidParams the rejected parameters; null reads as none
   */
  public IpBlockedException(
      int errcode,
      @Nullable String errmsg,
      @Nullable String submsg,
      @Nullable List<InvalidParam> invalidParams) {
    super(errcode, errmsg, submsg, invalidParams);
  }
}
