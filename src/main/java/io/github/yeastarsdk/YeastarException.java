package io.github.yeastarsdk;

/**
 * The base of every exception that this SDK throws from a call to the PBX. Messages never contain
 * the access token or the Client Secret.
 */
public class YeastarException extends RuntimeException {
  /** For callers' own tests and subclasses; the SDK redacts {@code message} before it gets here. */
  public YeastarException(String message, Throwable cause) {
    super(message, cause);
  }
}
