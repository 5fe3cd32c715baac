package io.github.yeastarsdk.cli;

/** The listing was read, but a conference could not be printed. */
final class OutputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  OutputException(String message, Throwable cause) {
    super(message, cause);
  }
}
