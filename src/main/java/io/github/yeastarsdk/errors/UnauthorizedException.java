package io.github.yeastarsdk.errors;

import okhttp3.Headers;

/**
 * HTTP 401 or 403: a proxy or gateway in front of the PBX refused the request (the PBX itself
 * reports a refused token as errcode 10004).
 */
public final class UnauthorizedException extends HttpStatusException {
  /**
   * For callers' own tests; the SDK passes headers and excerpt through its redactor first.
   *
   * @param status the HTTP status code
   * @param headers the response headers
   * @param bodyExcerpt the start of the body; empty if there was none
   */
  public UnauthorizedException(int status, Headers headers, String bodyExcerpt) {
    super(status, headers, bodyExcerpt);
  }
}
