package io.github.yeastarsdk.errors;

import org.jspecify.annotations.Nullable;

/**
 * The call did not complete: the PBX could not be reached, refused the connection, gave no answer,
 * or the answer was cut short. The message says which in words; the cause is the I/O exception.
 */
public class TransportException extends YeastarException {
  /**
   * For callers' own tests; the SDK redacts the message and the cause first.
   *
   * @param message what failed, in words
   * @param cause the I/O exception, or null
   */
  public TransportException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
