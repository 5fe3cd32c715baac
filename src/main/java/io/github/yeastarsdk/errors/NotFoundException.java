package io.github.yeastarsdk.errors;

import okhttp3.Headers;

/**
 * HTTP 404: nothing answers at this URL; usually a wrong base URL or a PBX without the OpenAPI
 * enabled.
 */
public final class NotFoundException extends HttpStatusException {
  /**
   * For callers' own tests; the SDK passes headers and excerpt through its redactor first.
   *
   * @param status the HTTP status code
   * @param headers the response headers
   * @param bodyExcerpt the start of the body; empty if there was none
   */
  public NotFoundException(int status, Headers headers, String bodyExcerpt) {
    super(status, headers, bodyExcerpt);
  }
}
