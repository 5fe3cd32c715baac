package io.github.yeastarsdk;

/** A connect, read or whole-call timeout elapsed before the PBX answered. */
public final class RequestTimeoutException extends TransportException {
  /** For callers' own tests; the SDK redacts the message and the cause first. */
  public RequestTimeoutException(String message, Throwable cause) {
    super(message, cause);
  }
}
