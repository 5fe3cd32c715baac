package io.github.yeastarsdk.internal;

import java.io.IOException;
import java.net.ProtocolException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;

/**
 * Which failures are tried again, and after how long: exponential backoff with jitter, or the
 * server's {@code Retry-After}. The one decision of the client's retries; {@link CallExecutor}
 * carries it out. A PBX error (HTTP 200 with a non-zero errcode) is never retried: it is an answer,
 * not a transient failure.
 */
public final class RetryPolicy {
  /** A server that asks for a longer pause than this is not waited for: the caller decides. */
  public static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

  private final Duration initialDelay;
  private final Duration maxDelay;
  private final Clock clock;

  public RetryPolicy(Duration initialDelay, Duration maxDelay, Clock clock) {
    this.initialDelay = initialDelay;
    this.maxDelay = maxDelay;
    this.clock = clock;
  }

  // Only calls that can be repeated without effect are retried: a GET may run twice, a
  // token request may not, because each success holds one of the application's 8 tokens.
  public static boolean isIdempotent(String method) {
    return method.equals("GET") || method.equals("HEAD");
  }

  // 408 and 429 ask the client to come back; 502, 503 and 504 come from a proxy or a PBX that
  // is restarting. 500 is not retried: the PBX failed on this request and may fail again.
  public static boolean isTransient(int status) {
    return status == 408 || status == 429 || status == 502 || status == 503 || status == 504;
  }

  /**
   * Whether an I/O failure may go away on another attempt. Connection failures, resets and timeouts
   * may. A TLS failure (an untrusted certificate) and a protocol violation would fail again the
   * same way. An answer that arrived but was cut short or could not be read is an answer: trying
   * again could make a call behave differently with logging on.
   */
  public static boolean isTransient(IOException e) {
    return !(e instanceof SSLException)
        && !(e instanceof ProtocolException)
        && !(e instanceof ResponseCutShort)
        && !(e instanceof UnreadableBody);
  }

  /** The pause before attempt {@code attempt + 1}, {@code attempt} counting from 1. */
  public Duration backoff(int attempt) {
    long base = initialDelay.toMillis() << Math.min(attempt - 1, 20);
    long capped = Math.min(base, maxDelay.toMillis());
    // Up to a quarter less, so that many clients that failed together do not retry together.
    long jitter = (long) (capped * 0.25 * ThreadLocalRandom.current().nextDouble());
    return Duration.ofMillis(capped - jitter);
  }

  /**
   * The pause after an answer with a transient status: its {@code Retry-After} in seconds or as an
   * HTTP date, else the backoff; null when the server asks for more than {@link #MAX_RETRY_AFTER},
   * so that the answer goes to the caller instead.
   */
  public @Nullable Duration afterStatus(@Nullable String retryAfter, int attempt) {
    Duration delay = retryAfter(retryAfter, backoff(attempt));
    return delay.compareTo(MAX_RETRY_AFTER) > 0 ? null : delay;
  }

  public Duration retryAfter(@Nullable String header, Duration fallback) {
    if (header == null || header.isBlank()) {
      return fallback;
    }
    String value = header.trim();
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration until = Duration.between(clock.instant(), at);
        return until.isNegative() ? Duration.ZERO : until;
      } catch (DateTimeParseException notADate) {
        return fallback;
      }
    }
  }
}
