package io.github.yeastarsdk;

/**
 * The base of every exception that this SDK throws from a call to the PBX. Messages never contain
 * the access token.
 */
public class YeastarException extends RuntimeException {
  YeastarException(String message, Throwable cause) {
    super(message, cause);
  }
}
