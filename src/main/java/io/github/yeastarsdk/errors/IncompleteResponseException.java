package io.github.yeastarsdk.errors;

import org.jspecify.annotations.Nullable;

/**
 * The PBX began to answer but the answer was cut short: the connection closed or was reset before
 * the whole body arrived. The PBX was reached, so this is not a failure to connect; the call may or
 * may not have taken effect on the PBX. The cause is the I/O exception.
 */
public final class IncompleteResponseException extends TransportException {
  /**
   * For callers' own tests; the SDK redacts the message and the cause first.
   *
   * @param message what failed, in words
   * @param cause the I/O exception, or null
   */
  public IncompleteResponseException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
