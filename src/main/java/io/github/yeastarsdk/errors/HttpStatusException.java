package io.github.yeastarsdk.errors;

import java.util.Objects;
import okhttp3.Headers;

/**
 * Something answered with an HTTP status other than 2xx; subclasses name the statuses a caller acts
 * on. The PBX itself reports failures as HTTP 200, so this usually comes from a proxy, a load
 * balancer or the wrong base URL.
 */
public class HttpStatusException extends YeastarException {
  /** The HTTP status code. */
  private final int status;

  /** The response headers, redacted. */
  private final Headers headers;

  /** The start of the body, redacted; empty if there was none. */
  private final String bodyExcerpt;

  /**
   * For callers' own tests; the SDK passes headers and excerpt through its redactor first.
   *
   * @param status the HTTP status code
   * @param headers the response headers
   * @param bodyExcerpt the start of the body; empty if there was none
   */
  public HttpStatusException(int status, Headers headers, String bodyExcerpt) {
    super(
        "HTTP "
            + status
            + (Objects.requireNonNull(bodyExcerpt, "bodyExcerpt == null").isEmpty()
                ? ""
                : ": " + bodyExcerpt),
        null);
    this.status = status;
    this.headers = Objects.requireNonNull(headers, "headers == null");
    this.bodyExcerpt = Objects.requireNonNull(bodyExcerpt, "bodyExcerpt == null");
  }

  /**
   * The HTTP status code.
   *
   * @return the status, for example 502
   */
  public int status() {
    return status;
  }

  /**
   * The response headers, for example {@code Retry-After}.
   *
   * @return the headers; cookies and credentials show as ██, and a secret that another header
   *     echoes (a {@code Location} with the token) is masked
   */
  public Headers headers() {
    return headers;
  }

  /**
   * The start of the response body.
   *
   * @return the excerpt, with secrets removed; empty if there was none
   */
  public String bodyExcerpt() {
    return bodyExcerpt;
  }
}
