package io.github.yeastarsdk.errors;

import org.jspecify.annotations.Nullable;

/**
 * The PBX answered HTTP 2xx with a body that is not the JSON that the spec describes: not JSON at
 * all, truncated, of the wrong types, or missing a required field.
 */
public final class MalformedResponseException extends YeastarException {
  /** The JSON path of the value that failed; null when the failure has no place in the body. */
  private final @Nullable String path;

  /** The start of the body, redacted; empty if there was none. */
  private final String bodyExcerpt;

  /**
   * For callers' own tests; the SDK redacts the message and the excerpt first.
   *
   * @param message what is wrong with the body, in words
   * @param path the JSON path of the value that failed, such as {@code $.data[0].number}; null when
   *     the failure has no place in the body (an empty or unreadable body)
   * @param bodyExcerpt the start of the body; empty or null if there was none
   * @param cause the parser's exception, or null
   */
  public MalformedResponseException(
      String message,
      @Nullable String path,
      @Nullable String bodyExcerpt,
      @Nullable Throwable cause) {
    super(message, cause);
    this.path = path;
    this.bodyExcerpt = bodyExcerpt == null ? "" : bodyExcerpt;
  }

  /**
   * Where in the body the answer departs from the spec.
   *
   * @return the JSON path of the value that failed, such as {@code $.data[0].number}; null when the
   *     failure has no place in the body
   */
  public @Nullable String path() {
    return path;
  }

  /**
   * The start of the body, on one line.
   *
   * @return the excerpt, with secrets removed; empty if there was none
   */
  public String bodyExcerpt() {
    return bodyExcerpt;
  }
}
