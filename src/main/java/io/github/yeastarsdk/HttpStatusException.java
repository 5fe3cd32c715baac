package io.github.yeastarsdk;

/**
 * Something answered with an HTTP status other than 2xx. The PBX itself reports failures as HTTP
 * 200, so this usually comes from a proxy, a load balancer or the wrong base URL.
 */
public final class HttpStatusException extends YeastarException {
  private final int status;
  private final String bodyExcerpt;

  HttpStatusException(int status, String bodyExcerpt) {
    super("HTTP " + status + (bodyExcerpt.isEmpty() ? "" : ": " + bodyExcerpt), null);
    this.status = status;
    this.bodyExcerpt = bodyExcerpt;
  }

  /** The HTTP status code. */
  public int status() {
    return status;
  }

  /** The start of the response body, with the access token removed; empty if there was none. */
  public String bodyExcerpt() {
    return bodyExcerpt;
  }
}
