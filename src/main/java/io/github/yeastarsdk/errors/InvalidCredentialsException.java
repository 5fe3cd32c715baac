package io.github.yeastarsdk.errors;

/**
 * {@code get_token} rejected the Client ID or Client Secret. The client stops asking for tokens:
 * five failed logins in a row would put this IP on the PBX's block list.
 */
public final class InvalidCredentialsException extends ApiErrorException {
  /**
   * For callers' own tests.
   *
   * @param error what the PBX said
   */
  public InvalidCredentialsException(ApiError error) {
    super(error);
  }

  @Override
  public String getMessage() {
    return "get_token rejected the client credentials (the client does not send them again: five"
        + " failed logins block the IP): "
        + super.getMessage();
  }
}
