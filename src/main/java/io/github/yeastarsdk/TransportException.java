package io.github.yeastarsdk;

/** The call did not complete: the connection failed, was reset, or the PBX could not be reached. */
public class TransportException extends YeastarException {
  TransportException(String message, Throwable cause) {
    super(message, cause);
  }
}
