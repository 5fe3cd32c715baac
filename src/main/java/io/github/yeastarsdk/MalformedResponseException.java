package io.github.yeastarsdk;

/**
 * The PBX answered HTTP 2xx with a body that is not the JSON that the spec describes: not JSON at
 * all, truncated, of the wrong types, or missing a required field.
 */
public final class MalformedResponseException extends YeastarException {
  MalformedResponseException(String message, Throwable cause) {
    super(message, cause);
  }
}
