package io.github.yeastarsdk.errors;

import io.github.yeastarsdk.InvalidParam;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The PBX rejected a parameter (errcode 40001 or 40002); {@link #invalidParams()} names it. */
public final class InvalidParameterException extends ApiErrorException {
  /**
   * For callers' own tests; see {@link ApiErrorException#ApiErrorException(int, String, String,
   * List)}.
   *
   * @param errcode the PBX's error code
   * @param errmsg the PBX's error text, or null when the answer had none
   * @param submsg the PBX's more specific message, or null when the answer had none
   * @param invalidParams the rejected parameters; null reads as none
   */
  public InvalidParameterException(
      int errcode,
      @Nullable String errmsg,
      @Nullable String submsg,
      @Nullable List<InvalidParam> invalidParams) {
    super(errcode, errmsg, submsg, invalidParams);
  }
}
