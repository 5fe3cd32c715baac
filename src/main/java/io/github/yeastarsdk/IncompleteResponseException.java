package io.github.yeastarsdk;

/**
 * The PBX began to answer but the answer was cut short: the connection closed or was reset before
 * the whole body arrived. The PBX was reached, so this is not a failure to connect; the call may or
 * may not have taken effect on the PBX. The cause is the I/O exception.
 */
public final class IncompleteResponseException extends TransportException {
  /** For callers' own tests; the SDK redacts the message and the cause first. */
  public IncompleteResponseException(String message, Throwable cause) {
    super(message, cause);
  }
}
