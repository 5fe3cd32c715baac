package io.github.yeastarsdk.errors;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which call failed, and how far it got: what a person reading a failure needs besides the failure
 * itself. The URL is the last attempt's, with the access token and every other secret masked.
 */
public final class CallDetails {
  private static final Pattern ACCESS_TOKEN =
      Pattern.compile("([?&]access_token=)[^&#]*", Pattern.CASE_INSENSITIVE);

  private final String operation;
  private final String method;
  private final String url;
  private final int attempts;
  private final Duration elapsed;

  /**
   * For callers' own tests; the SDK masks the URL's secrets before it gets here.
   *
   * @param operation the spec's operationId, for example {@code listConferences}
   * @param method the HTTP method
   * @param url the URL of the last attempt, secrets masked
   * @param attempts how many requests were sent, from 1
   * @param elapsed the time from the first request to the failure
   */
  public CallDetails(String operation, String method, String url, int attempts, Duration elapsed) {
    this.operation = Objects.requireNonNull(operation, "operation == null");
    this.method = Objects.requireNonNull(method, "method == null");
    // The SDK masks every secret before it gets here; a caller's URL is masked at least here.
    this.url =
        ACCESS_TOKEN
            .matcher(Objects.requireNonNull(url, "url == null"))
            .replaceAll("$1\u2588\u2588");
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
    }
    this.attempts = attempts;
    this.elapsed = Objects.requireNonNull(elapsed, "elapsed == null");
  }

  /**
   * The spec's operationId of the call.
   *
   * @return the operationId, for example {@code listConferences}
   */
  public String operation() {
    return operation;
  }

  /**
   * The HTTP method of the call.
   *
   * @return the method, for example {@code GET}
   */
  public String method() {
    return method;
  }

  /**
   * The URL of the last attempt.
   *
   * @return the URL, with the access token and other secrets masked
   */
  public String url() {
    return url;
  }

  /**
   * How many requests were sent.
   *
   * @return 1, plus one per retry
   */
  public int attempts() {
    return attempts;
  }

  /**
   * The time from the first request to the failure.
   *
   * @return the time spent, pauses between attempts included
   */
  public Duration elapsed() {
    return elapsed;
  }

  /** For example {@code listConferences GET https://pbx/…?access_token=██, 3 attempts in 2.1 s}. */
  @Override
  public String toString() {
    return operation
        + " "
        + method
        + " "
        + url
        + ", "
        + attempts
        + (attempts == 1 ? " attempt" : " attempts")
        + " in "
        + (elapsed.toMillis() < 1000
            ? elapsed.toMillis() + " ms"
            : String.format(Locale.ROOT, "%.1f s", elapsed.toMillis() / 1000.0));
  }
}
