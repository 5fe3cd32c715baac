package io.github.yeastarsdk.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The secrets one run was given, and their removal from text the tool prints. The SDK already masks
 * what it quotes; this is the tool's own last check, for text from anywhere else (the parser, the
 * JDK, a library). Hand-written because the SDK's redaction is internal to it.
 */
final class Secrets {
  static final String MASK = "[secret]";

  /**
   * Secrets this long are masked wherever they occur; shorter ones only where they stand alone, so
   * that a one-letter token typed against a mock does not garble every word holding it.
   */
  private static final int ANYWHERE = 8;

  private final List<Pattern> patterns;

  private Secrets(List<Pattern> patterns) {
    this.patterns = patterns;
  }

  static Secrets of(String... secrets) {
    List<Pattern> patterns = new ArrayList<>();
    for (String secret : secrets) {
      if (secret == null || secret.isBlank()) {
        continue;
      }
      for (String form : List.of(secret, URLEncoder.encode(secret, StandardCharsets.UTF_8))) {
        String quoted = Pattern.quote(form);
        patterns.add(
            Pattern.compile(
                form.length() >= ANYWHERE
                    ? quoted
                    : "(?<![\\p{Alnum}])" + quoted + "(?![\\p{Alnum}])"));
      }
    }
    return new Secrets(List.copyOf(patterns));
  }

  String mask(String text) {
    String masked = text;
    for (Pattern pattern : patterns) {
      masked = pattern.matcher(masked).replaceAll(Matcher.quoteReplacement(MASK));
    }
    return masked;
  }
}
