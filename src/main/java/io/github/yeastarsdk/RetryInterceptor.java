package io.github.yeastarsdk;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ProtocolException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Retries transient failures with exponential backoff and jitter, as often as the client's
 * maxRetries or the call's own {@link RequestOptions} say. A PBX error (HTTP 200 with a non-zero
 * errcode) is never retried here: it is an answer, not a transient failure.
 */
final class RetryInterceptor implements Interceptor {
  /** A server that asks for a longer pause than this is not waited for: the caller decides. */
  static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

  private final int maxRetries;
  private final Duration initialDelay;
  private final Duration maxDelay;

  RetryInterceptor(int maxRetries, Duration initialDelay, Duration maxDelay) {
    this.maxRetries = maxRetries;
    this.initialDelay = initialDelay;
    this.maxDelay = maxDelay;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    RequestOptions options = request.tag(RequestOptions.class);
    int retries = options == null ? maxRetries : options.maxRetries(maxRetries);
    for (int attempt = 0; ; attempt++) {
      boolean last = attempt >= retries || !isIdempotent(request);
      Response response;
      try {
        response = chain.proceed(request);
      } catch (IOException e) {
        if (last || chain.call().isCanceled() || !isTransient(e)) {
          throw e;
        }
        pause(backoff(attempt));
        continue;
      }
      if (last || !isTransient(response.code())) {
        return response;
      }
      Duration delay = retryAfter(response.header("Retry-After"), backoff(attempt));
      if (delay.compareTo(MAX_RETRY_AFTER) > 0) {
        return response;
      }
      response.close();
      pause(delay);
    }
  }

  // Only calls that can be repeated without effect are retried: a GET may run twice, a
  // token request may not, because each success holds one of the application's 8 tokens.
  static boolean isIdempotent(Request request) {
    return request.method().equals("GET") || request.method().equals("HEAD");
  }

  // 408 and 429 ask the client to come back; 502, 503 and 504 come from a proxy or a PBX that
  // is restarting. 500 is not retried: the PBX failed on this request and may fail again.
  static boolean isTransient(int status) {
    return status == 408 || status == 429 || status == 502 || status == 503 || status == 504;
  }

  // Connection failures, resets and timeouts are transient. A TLS failure (an untrusted
  // certificate) and a protocol violation would fail again the same way. An answer cut short is
  // not retried: the body is read here only when it is logged, and a call must not behave
  // differently with logging on.
  static boolean isTransient(IOException e) {
    return !(e instanceof SSLException)
        && !(e instanceof ProtocolException)
        && !(e instanceof ResponseCutShort);
  }

  Duration backoff(int attempt) {
    long base = initialDelay.toMillis() << Math.min(attempt, 20);
    long capped = Math.min(base, maxDelay.toMillis());
    // Up to a quarter less, so that many clients that failed together do not retry together.
    long jitter = (long) (capped * 0.25 * ThreadLocalRandom.current().nextDouble());
    return Duration.ofMillis(capped - jitter);
  }

  /** Reads Retry-After in seconds or as an HTTP date; {@code fallback} if absent or unreadable. */
  static Duration retryAfter(String header, Duration fallback) {
    if (header == null || header.isBlank()) {
      return fallback;
    }
    String value = header.trim();
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration until = Duration.between(Instant.now(), at);
        return until.isNegative() ? Duration.ZERO : until;
      } catch (DateTimeParseException notADate) {
        return fallback;
      }
    }
  }

  private static void pause(Duration delay) throws InterruptedIOException {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to retry");
    }
  }
}
