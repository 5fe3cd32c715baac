package io.github.yeastarsdk;

import org.jspecify.annotations.Nullable;

/** A connect, read or whole-call timeout elapsed before the PBX answered. */
public final class RequestTimeoutException extends TransportException {
  /**
   * For callers' own tests; the SDK redacts the message and the cause first.
   *
   * @param message what failed, in words
   * @param cause the I/O exception, or null
   */
  public RequestTimeoutException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
