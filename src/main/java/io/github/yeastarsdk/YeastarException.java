package io.github.yeastarsdk;

import org.jspecify.annotations.Nullable;

/**
 * The base of every exception that this SDK throws from a call to the PBX. Messages never contain
 * the access token or the Client Secret.
 */
public class YeastarException extends RuntimeException {
  /**
   * For callers' own tests and subclasses; the SDK redacts {@code message} before it gets here.
   *
   * @param message what failed, in words
   * @param cause the exception that made the call fail, or null
   */
  public YeastarException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
