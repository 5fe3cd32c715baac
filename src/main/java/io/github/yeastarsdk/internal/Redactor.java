package io.github.yeastarsdk.internal;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Headers;

/**
 * Removes secrets from text that leaves the SDK: log lines, exception messages, body excerpts,
 * server messages. It masks the value of every {@code access_token}, {@code refresh_token} and
 * {@code password} parameter it sees, and the secrets that this client has used, raw or
 * percent-encoded, because a proxy or gateway may echo a request URL back in any form.
 *
 * <p>Precision matters as much as coverage: masking must not turn other text into noise. A secret
 * of at least {@link #FREE_TEXT_MIN} characters is masked wherever it appears, even inside other
 * text ({@code access_token%3D<token>} in a double-encoded URL has no boundary before it), because
 * a random string of that length does not occur by accident. A shorter one (as typed against a
 * mock, for example {@code t}) is masked only where it stands as a whole value: a URL parameter
 * value or a JSON string value. Masking it in prose would hide every {@code t} of "Failed to
 * connect" and protect nothing, since a secret that short is guessable anyway.
 */
public final class Redactor {
  static final String MASK = "██";

  /** The shortest secret that is masked wherever it appears, not only as a whole value. */
  static final int FREE_TEXT_MIN = 8;

  /**
   * A parameter that is a secret by its name, up to the end of its value: in a URL ({@code =}, or
   * {@code %3D} when the URL itself was percent-encoded), a log line or JSON ({@code "name":"}).
   */
  private static final Pattern SECRET_PARAMETER =
      Pattern.compile("(access_token|refresh_token|password)(=|%3[Dd]|\"\\s*:\\s*\")[^&\\s\"'<>]*");

  /** How many recent secrets are remembered: enough to cover a renewal in flight. */
  private static final int REMEMBERED = 4;

  /** A remembered secret and the pattern that finds it. */
  private record Secret(String value, Pattern pattern) {}

  private final Deque<Secret> secrets = new ArrayDeque<>();

  /** Remembers {@code secret} so that later text never shows it; returns it unchanged. */
  public String remember(String secret) {
    if (secret == null || secret.isEmpty()) {
      return secret;
    }
    synchronized (secrets) {
      // Every call remembers its token: a loop rather than a stream, as this runs each time.
      for (Secret known : secrets) {
        if (known.value().equals(secret)) {
          return secret;
        }
      }
      if (secrets.size() == REMEMBERED) {
        secrets.removeFirst();
      }
      secrets.addLast(new Secret(secret, pattern(secret)));
    }
    return secret;
  }

  /**
   * The secret raw or percent-encoded in any mix (each character that is not a letter or digit may
   * appear as itself or as its {@code %XX} bytes, in either case; a space also as {@code +}), so
   * that OkHttp's, a proxy's and {@code URLEncoder}'s encodings all match. A short secret must
   * stand as a whole URL parameter value or JSON string value.
   */
  private static Pattern pattern(String secret) {
    StringBuilder regex = new StringBuilder();
    secret
        .codePoints()
        .forEach(
            c -> {
              String raw = new String(Character.toChars(c));
              if (Character.isLetterOrDigit(c) && c < 0x80) {
                regex.append(raw);
                return;
              }
              regex.append("(?:").append(Pattern.quote(raw));
              StringBuilder encoded = new StringBuilder();
              for (byte b : raw.getBytes(StandardCharsets.UTF_8)) {
                encoded.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
              }
              regex.append("|(?i:").append(Pattern.quote(encoded.toString())).append(')');
              if (c == ' ') {
                regex.append("|\\+");
              }
              regex.append(')');
            });
    if (secret.length() >= FREE_TEXT_MIN) {
      return Pattern.compile(regex.toString());
    }
    // After "=" and up to the parameter's end, or between the quotes of a JSON string value.
    return Pattern.compile(
        "(?<==)" + regex + "(?=$|[&#;\\s\"'<>])|(?<=:\\s{0,8}\")" + regex + "(?=\")");
  }

  /** How much of a body an exception quotes. */
  public static final int EXCERPT_CHARS = 200;

  /** The start of {@code text} on one line, without secrets; empty for null. */
  public String excerpt(String text) {
    if (text == null) {
      return "";
    }
    // Redacted before it is cut, so that a secret on the edge is masked, not shown in part.
    String line = redact(text.replaceAll("\\s+", " ").trim());
    return line.length() <= EXCERPT_CHARS ? line : line.substring(0, EXCERPT_CHARS) + "…";
  }

  /**
   * Returns {@code headers} with cookies and credentials masked, and every other value redacted: a
   * {@code Location} or a proxy's diagnostic header may echo the request URL.
   */
  public Headers redact(Headers headers) {
    Headers.Builder result = new Headers.Builder();
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      boolean secret =
          name.equalsIgnoreCase("Authorization")
              || name.equalsIgnoreCase("Proxy-Authorization")
              || name.equalsIgnoreCase("Cookie")
              || name.equalsIgnoreCase("Set-Cookie");
      // Lenient: a server's header value may hold characters that OkHttp would not send.
      result.addUnsafeNonAscii(name, secret ? MASK : redact(headers.value(i)));
    }
    return result.build();
  }

  /** Returns {@code text} with every secret masked. */
  public String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    Matcher matcher = SECRET_PARAMETER.matcher(text);
    String result = matcher.find() ? matcher.replaceAll("$1$2" + MASK) : text;
    synchronized (secrets) {
      for (Secret secret : secrets) {
        Matcher m = secret.pattern().matcher(result);
        if (m.find()) {
          result = m.replaceAll(MASK);
        }
      }
    }
    return result;
  }

  /**
   * Returns {@code error} itself when no message in its cause chain shows a secret, or else a copy
   * of the chain whose messages are redacted, with the same stack traces and, as far as possible,
   * the same types: a {@code ConnectException} stays a {@code ConnectException}, so that callers'
   * {@code instanceof} checks do not depend on what a message happened to contain.
   */
  public Throwable scrub(Throwable error) {
    if (error == null || !showsSecret(error)) {
      return error;
    }
    Throwable copy = sameType(error, redact(error.getMessage()));
    copy.setStackTrace(error.getStackTrace());
    Throwable cause = error.getCause();
    if (cause != null && cause != error) {
      try {
        copy.initCause(scrub(cause));
      } catch (IllegalStateException | IllegalArgumentException alreadySet) {
        // The type's constructor set a cause of its own; the redacted message is what matters.
      }
    }
    for (Throwable suppressed : error.getSuppressed()) {
      copy.addSuppressed(scrub(suppressed));
    }
    return copy;
  }

  /**
   * A new throwable of {@code error}'s class built with its public {@code (String)} constructor, or
   * of the nearest superclass that has one (every throwable inherits one from {@link Exception},
   * {@link RuntimeException}, {@link Error} or {@link Throwable}).
   */
  private static Throwable sameType(Throwable error, String message) {
    for (Class<?> type = error.getClass(); type != null; type = type.getSuperclass()) {
      if (!Modifier.isPublic(type.getModifiers()) || Modifier.isAbstract(type.getModifiers())) {
        continue;
      }
      try {
        Constructor<?> constructor = type.getConstructor(String.class);
        return (Throwable) constructor.newInstance(message);
      } catch (ReflectiveOperationException | RuntimeException | LinkageError unusable) {
        // No public (String) constructor, or it failed: try the superclass.
      }
    }
    return new Throwable(message);
  }

  private boolean showsSecret(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      String message = t.getMessage();
      if (message != null && !message.equals(redact(message))) {
        return true;
      }
      for (Throwable suppressed : t.getSuppressed()) {
        if (showsSecret(suppressed)) {
          return true;
        }
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
