package io.github.yeastarsdk.errors;

import okhttp3.Headers;

/**
 * HTTP 429: too many requests; retried before this was thrown, unless the server asked for a longer
 * pause than the client waits.
 */
public final class RateLimitedException extends HttpStatusException {
  /**
   * For callers' own tests; the SDK passes headers and excerpt through its redactor first.
   *
   * @param status the HTTP status code
   * @param headers the response headers
   * @param bodyExcerpt the start of the body; empty if there was none
   */
  public RateLimitedException(int status, Headers headers, String bodyExcerpt) {
    super(status, headers, bodyExcerpt);
  }

  /**
   * How long the server asked the client to wait, from {@code Retry-After} in seconds.
   *
   * @return the pause; empty if the answer named none, or named it as a date
   */
  public java.util.Optional<java.time.Duration> retryAfter() {
    String value = headers().get("Retry-After");
    if (value == null) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(java.time.Duration.ofSeconds(Long.parseLong(value.trim())));
    } catch (NumberFormatException notSeconds) {
      return java.util.Optional.empty();
    }
  }
}
