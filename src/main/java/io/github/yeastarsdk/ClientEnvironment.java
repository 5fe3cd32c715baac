package io.github.yeastarsdk;

import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads a client's settings from environment variables, for {@link YeastarClient#fromEnv()}. Every
 * error names the variable, never a secret's value. A variable that is empty or blank counts as not
 * set.
 */
record ClientEnvironment(
    String baseUrl,
    @Nullable String accessToken,
    @Nullable String clientId,
    @Nullable String clientSecret,
    @Nullable HttpLogLevel logLevel) {
  static final String BASE_URL = "PBX_BASE_URL";
  static final String ACCESS_TOKEN = "PBX_ACCESS_TOKEN";
  static final String CLIENT_ID = "PBX_CLIENT_ID";
  static final String CLIENT_SECRET = "PBX_CLIENT_SECRET";
  static final String LOG = "PBX_LOG";

  /**
   * Reads the settings from {@code env}: the base URL, and either an access token or both client
   * credentials.
   *
   * @throws IllegalStateException naming a variable that is required but not set, or variables that
   *     must not be set together
   * @throws IllegalArgumentException naming a variable whose value is not usable
   */
  static ClientEnvironment read(Map<String, String> env) {
    String baseUrl = get(env, BASE_URL);
    if (baseUrl == null) {
      throw new IllegalStateException(
          BASE_URL + " is not set; it names the PBX, such as https://pbx.example.com:8088");
    }

    String token = get(env, ACCESS_TOKEN);
    String clientId = get(env, CLIENT_ID);
    String clientSecret = get(env, CLIENT_SECRET);
    if (token != null && (clientId != null || clientSecret != null)) {
      throw new IllegalStateException(
          "set either "
              + ACCESS_TOKEN
              + " or "
              + CLIENT_ID
              + " and "
              + CLIENT_SECRET
              + ", not both");
    }
    if (token == null && clientId == null && clientSecret == null) {
      throw new IllegalStateException(
          "no credentials: set " + ACCESS_TOKEN + ", or " + CLIENT_ID + " and " + CLIENT_SECRET);
    }
    if (token == null && (clientId == null || clientSecret == null)) {
      String missing = clientId == null ? CLIENT_ID : CLIENT_SECRET;
      String present = clientId == null ? CLIENT_SECRET : CLIENT_ID;
      throw new IllegalStateException(missing + " is not set, but " + present + " is");
    }
    String log = get(env, LOG);
    return new ClientEnvironment(
        baseUrl, token, clientId, clientSecret, log == null ? null : logLevel(log));
  }

  private static HttpLogLevel logLevel(String value) {
    switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "none":
        return HttpLogLevel.NONE;
      case "basic":
        return HttpLogLevel.BASIC;
      case "headers":
        return HttpLogLevel.HEADERS;
      case "body":
        return HttpLogLevel.BODY;
      default:
        throw new IllegalArgumentException(
            LOG + " must be none, basic, headers or body, was \"" + value + "\"");
    }
  }

  private static String get(Map<String, String> env, String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value.trim();
  }

  /** The variables that were set, never a secret's value. */
  @Override
  public String toString() {
    return "ClientEnvironment(baseUrl="
        + baseUrl
        + (accessToken != null ? ", " + ACCESS_TOKEN + " set" : "")
        + (clientId != null ? ", " + CLIENT_ID + " set, " + CLIENT_SECRET + " set" : "")
        + ", logLevel="
        + logLevel
        + ")";
  }
}
