package io.github.yeastarsdk;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from text that leaves the SDK: log lines, exception messages, body excerpts. It
 * removes the value of every {@code access_token} parameter it sees, and also the tokens that this
 * client has sent, wherever they appear, raw or percent-encoded, because a proxy may echo a request
 * URL back in a body in any form.
 */
final class Redactor {
  static final String MASK = "██";

  /** {@code access_token=...} up to the end of the parameter, in a URL, a log line or HTML. */
  private static final Pattern TOKEN_PARAMETER =
      Pattern.compile("(access_token|refresh_token|password)(=|\"\\s*:\\s*\")[^&\\s\"'<>]*");

  /** How many recent secrets are remembered: enough to cover a renewal in flight. */
  private static final int REMEMBERED = 4;

  private final Deque<String> secrets = new ArrayDeque<>();

  /** Remembers {@code secret} so that later text never shows it; returns it unchanged. */
  String remember(String secret) {
    if (secret == null || secret.isEmpty()) {
      return secret;
    }
    synchronized (secrets) {
      if (!secrets.contains(secret)) {
        if (secrets.size() == REMEMBERED) {
          secrets.removeFirst();
        }
        secrets.addLast(secret);
      }
    }
    return secret;
  }

  /** Returns {@code text} with every secret masked. */
  String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    Matcher matcher = TOKEN_PARAMETER.matcher(text);
    String result = matcher.find() ? matcher.replaceAll("$1$2" + MASK) : text;
    synchronized (secrets) {
      for (String secret : secrets) {
        result = result.replace(secret, MASK);
        String encoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        if (!encoded.equals(secret)) {
          result = result.replace(encoded, MASK);
        }
      }
    }
    return result;
  }

  /**
   * Returns {@code error} itself when no message in its cause chain shows a secret, or else a copy
   * of the chain whose messages are redacted, with the same stack traces.
   */
  Throwable scrub(Throwable error) {
    if (error == null || !showsSecret(error)) {
      return error;
    }
    return new RedactedThrowable(error, redact(error.getMessage()), scrub(error.getCause()));
  }

  private boolean showsSecret(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      String message = t.getMessage();
      if (message != null && !message.equals(redact(message))) {
        return true;
      }
    }
    return false;
  }

  /** Stands in for a throwable whose message showed a secret; keeps its type name and trace. */
  static final class RedactedThrowable extends Exception {
    private final String type;

    RedactedThrowable(Throwable original, String message, Throwable cause) {
      super(message, cause, false, true);
      this.type = original.getClass().getName();
      setStackTrace(original.getStackTrace());
    }

    @Override
    public String toString() {
      String message = getLocalizedMessage();
      return message != null ? type + ": " + message : type;
    }
  }
}
