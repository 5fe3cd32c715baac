package io.github.yeastarsdk;

/**
 * How much of each HTTP exchange the client logs, as one record per exchange. The access token is
 * never logged.
 */
public enum HttpLogLevel {
  /** Nothing. */
  NONE,
  /** The request line, the response status and the time it took. */
  BASIC,
  /** {@link #BASIC} and the headers. */
  HEADERS,
  /**
   * {@link #HEADERS} and the bodies, up to 8 KiB each; the rest of a body is counted, not logged.
   */
  BODY
}
