package io.github.yeastarsdk;

import java.util.List;

/**
 * {@code get_token} rejected the Client ID or Client Secret. The client stops asking for tokens:
 * five failed logins in a row would put this IP on the PBX's block list.
 */
public final class InvalidCredentialsException extends ApiErrorException {
  /**
   * For callers' own tests; see {@link ApiErrorException#ApiErrorException(int, String, String,
   * List)}.
   */
  public InvalidCredentialsException(
      int errcode, String errmsg, String submsg, List<InvalidParam> invalidParams) {
    super(errcode, errmsg, submsg, invalidParams);
  }

  @Override
  public String getMessage() {
    return "get_token rejected the client credentials: " + super.getMessage();
  }
}
