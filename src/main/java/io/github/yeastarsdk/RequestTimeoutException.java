package io.github.yeastarsdk;

/** A connect, read or whole-call timeout elapsed before the PBX answered. */
public final class RequestTimeoutException extends TransportException {
  RequestTimeoutException(String message, Throwable cause) {
    super(message, cause);
  }
}
