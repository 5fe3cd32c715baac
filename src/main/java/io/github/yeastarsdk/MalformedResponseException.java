package io.github.yeastarsdk;

/**
 * The PBX answered HTTP 2xx with a body that is not the JSON that the spec describes: not JSON at
 * all, truncated, of the wrong types, or missing a required field.
 */
public final class MalformedResponseException extends YeastarException {
  private final String path;
  private final String bodyExcerpt;

  /**
   * For callers' own tests; the SDK redacts the message and the excerpt first.
   *
   * @param path the JSON path of the value that failed, such as {@code $.data[0].number}; null when
   *     the failure has no place in the body (an empty or unreadable body)
   * @param bodyExcerpt the start of the body; empty if there was none
   */
  public MalformedResponseException(
      String message, String path, String bodyExcerpt, Throwable cause) {
    super(message, cause);
    this.path = path;
    this.bodyExcerpt = bodyExcerpt == null ? "" : bodyExcerpt;
  }

  /** The JSON path of the value that failed, such as {@code $.data[0].number}; null if none. */
  public String path() {
    return path;
  }

  /** The start of the body, on one line, with secrets removed; empty if there was none. */
  public String bodyExcerpt() {
    return bodyExcerpt;
  }
}
