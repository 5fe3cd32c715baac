package io.github.yeastarsdk.cli;

/**
 * A command line the tool cannot run: an unknown option, a missing or unreadable value, a missing
 * setting. The message names the option or variable and never quotes a value that could be a
 * secret. Exit status 2.
 */
final class UsageException extends RuntimeException {
  UsageException(String message) {
    super(message);
  }
}
