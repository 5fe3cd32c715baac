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
import okhttp3.ResponseBody;
import okio.Buffer;

/**
 * Logs each HTTP exchange at a {@link HttpLogLevel} as one record: the request and its answer (or
 * its failure), one line each for the request line, every header and the status line, then the
 * bodies, at most {@link #MAX_BODY} bytes each. Every line passes through the redactor. One record
 * per exchange, so that a logging framework sees an exchange whole, never interleaved with another.
 */
public final class HttpLogger implements Interceptor {
  /** The most of each body that a record holds; the rest is counted, not logged. */
  public static final int MAX_BODY = 8 * 1024;

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
    StringBuilder record = new StringBuilder();
    line(record, "--> " + request.method() + " " + request.url());
    if (level.compareTo(HttpLogLevel.HEADERS) >= 0) {
      headers(record, request.headers());
    }
    if (level == HttpLogLevel.BODY && request.body() != null) {
      Buffer buffer = new Buffer();
      request.body().writeTo(buffer);
      body(record, buffer.readByteArray(Math.min(buffer.size(), MAX_BODY + 1L)), buffer.size());
    }
    long start = System.nanoTime();
    Response response;
    try {
      response = chain.proceed(request);
    } catch (IOException e) {
      line(record, "<-- failed: " + e);
      emit(record);
      throw e;
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    line(
        record,
        String.format(Locale.ROOT, "<-- %d %s (%d ms)", response.code(), request.url(), millis));
    if (level.compareTo(HttpLogLevel.HEADERS) >= 0) {
      headers(record, response.headers());
    }
    if (level == HttpLogLevel.BODY) {
      try {
        ResponseBody peeked = response.peekBody(MAX_BODY + 1L);
        body(record, peeked.bytes(), -1);
      } catch (InterruptedIOException e) {
        emit(record);
        response.close();
        throw e;
      } catch (IOException e) {
        // The same failure as when the converter reads the body with logging off.
        line(record, "<-- body cut short: " + e);
        emit(record);
        response.close();
        throw new ResponseCutShort(e);
      }
    }
    emit(record);
    return response;
  }

  private void headers(StringBuilder record, Headers headers) {
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      boolean secret =
          name.equalsIgnoreCase("Authorization")
              || name.equalsIgnoreCase("Cookie")
              || name.equalsIgnoreCase("Set-Cookie");
      line(record, name + ": " + (secret ? Redactor.MASK : headers.value(i)));
    }
  }

  /**
   * The body's first {@link #MAX_BODY} bytes; beyond them, a line saying how much was left out
   * ({@code total} bytes in all, or -1 when only "more" is known, as for a streamed answer).
   */
  private void body(StringBuilder record, byte[] bytes, long total) {
    boolean cut = bytes.length > MAX_BODY;
    int shown = cut ? MAX_BODY : bytes.length;
    line(record, new String(bytes, 0, shown, StandardCharsets.UTF_8));
    if (cut) {
      line(
          record,
          total < 0
              ? "(body longer than " + MAX_BODY + " bytes: the rest is not logged)"
              : "(body of "
                  + total
                  + " bytes: the last "
                  + (total - MAX_BODY)
                  + " are not logged)");
    }
  }

  /** Appends one line, redacted on its own, as each line used to be logged. */
  private void line(StringBuilder record, String text) {
    if (record.length() > 0) {
      record.append('\n');
    }
    record.append(redactor.redact(text));
  }

  private void emit(StringBuilder record) {
    sink.accept(record.toString());
  }
}
