package io.github.yeastarsdk.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SDK's argument messages name its Java API (builder methods such as {@code baseUrl} or {@code
 * allowInsecureHttp(true)}); the tool's user knows only its options and environment variables. This
 * rewrites those names into the tool's, word by word, so that every message the SDK writes about a
 * value the user gave reads in the user's terms. The table sits next to the options that it names
 * (CommandOptions); a name the table misses stays as it was.
 */
final class OptionWords {
  private final Map<Pattern, String> words = new LinkedHashMap<>();

  /**
   * @param baseUrlSource where the base URL came from: {@code --base-url} or {@code PBX_BASE_URL}
   */
  OptionWords(String baseUrlSource) {
    add("allowInsecureHttp\\(true\\)", "--allow-insecure-http");
    add("allowInsecureHttp", "--allow-insecure-http");
    add("baseUrl", baseUrlSource);
    add("pageSize", "--page-size");
    add("page", "--page");
    add("sortBy", "--sort-by");
    add("orderBy", "--order-by");
    add("accessToken", "--token");
    add("clientId and clientSecret", "PBX_CLIENT_ID and PBX_CLIENT_SECRET");
    add("the SDK", "the tool");
  }

  private void add(String javaName, String toolName) {
    // Whole words only, and never inside an option already written (--page-size holds "page").
    words.put(Pattern.compile("(?<![\\w-])" + javaName + "(?![\\w-])"), toolName);
  }

  /** {@code message} with the SDK's Java names replaced by the tool's option names. */
  String of(String message) {
    String text = message;
    for (Map.Entry<Pattern, String> word : words.entrySet()) {
      text = word.getKey().matcher(text).replaceAll(Matcher.quoteReplacement(word.getValue()));
    }
    return text;
  }
}
