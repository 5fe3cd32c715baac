package io.github.yeastarsdk.errors;

import okhttp3.Headers;

/**
 * HTTP 5xx: the PBX, or a proxy in front of it, failed or is unavailable. 502, 503 and 504 were
 * retried before this was thrown.
 */
public final class ServerErrorException extends HttpStatusException {
  /**
   * For callers' own tests; the SDK passes headers and excerpt through its redactor first.
   *
   * @param status the HTTP status code
   * @param headers the response headers
   * @param bodyExcerpt the start of the body; empty if there was none
   */
  public ServerErrorException(int status, Headers headers, String bodyExcerpt) {
    super(status, headers, bodyExcerpt);
  }
}
