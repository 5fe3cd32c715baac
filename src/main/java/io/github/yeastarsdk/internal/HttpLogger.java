package io.github.yeastarsdk.internal;

import io.github.yeastarsdk.HttpLogLevel;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;

/** Logs HTTP exchanges at a {@link HttpLogLevel}, every line passed through the redactor. */
public final class HttpLogger implements Interceptor {
  private static final long MAX_BODY = 64 * 1024;

  private final HttpLogLevel level;
  private final Consumer<String> sink;
  private final Redactor redactor;

  public HttpLogger(HttpLogLevel level, Consumer<String> sink, Redactor redactor) {
    this.level = level;
    this.sink = sink;
    this.redactor = redactor;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (level == HttpLogLevel.NONE) {
      return chain.proceed(request);
    }
    log("--> " + request.method() + " " + request.url());
    if (level.compareTo(HttpLogLevel.HEADERS) >= 0) {
      logHeaders(request.headers());
    }
    if (level == HttpLogLevel.BODY && request.body() != null) {
      Buffer buffer = new Buffer();
      request.body().writeTo(buffer);
      log(buffer.readString(Math.min(buffer.size(), MAX_BODY), StandardCharsets.UTF_8));
    }
    long start = System.nanoTime();
    Response response;
    try {
      response = chain.proceed(request);
    } catch (IOException e) {
      log("<-- failed: " + e);
      throw e;
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    log(String.format(Locale.ROOT, "<-- %d %s (%d ms)", response.code(), request.url(), millis));
    if (level.compareTo(HttpLogLevel.HEADERS) >= 0) {
      logHeaders(response.headers());
    }
    if (level == HttpLogLevel.BODY) {
      try {
        log(response.peekBody(MAX_BODY).string());
      } catch (InterruptedIOException e) {
        response.close();
        throw e;
      } catch (IOException e) {
        // The same failure as when the converter reads the body with logging off.
        log("<-- body cut short: " + e);
        response.close();
        throw new ResponseCutShort(e);
      }
    }
    return response;
  }

  private void logHeaders(Headers headers) {
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      boolean secret =
          name.equalsIgnoreCase("Authorization")
              || name.equalsIgnoreCase("Cookie")
              || name.equalsIgnoreCase("Set-Cookie");
      log(name + ": " + (secret ? Redactor.MASK : headers.value(i)));
    }
  }

  private void log(String line) {
    sink.accept(redactor.redact(line));
  }
}
