package io.github.yeastarsdk.errors;

import io.github.yeastarsdk.InvalidParam;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code get_token} rejected the Client ID or Client Secret. The client stops asking for tokens:
 * five failed logins in a row would put this IP on the PBX's block list.
 */
public final class InvalidCredentialsException extends ApiErrorException {
  /**
   * For callers' own tests; see {@link ApiErrorException#ApiErrorException(int, String, String,
   * List)}.
   *
   * @param errcode the PBX's error code
   * @param errmsg the PBX's error text, or null when the answer had none
   * @param submsg the PBX's more specific message, or null when the answer had none
   * @param invalidParams the rejected parameters; null reads as none
   */
  public InvalidCredentialsException(
      int errcode,
      @Nullable String errmsg,
      @Nullable String submsg,
      @Nullable List<InvalidParam> invalidParams) {
    super(errcode, errmsg, submsg, invalidParams);
  }

  @Override
  public String getMessage() {
    return "get_token rejected the client credentials: " + super.getMessage();
  }
}
