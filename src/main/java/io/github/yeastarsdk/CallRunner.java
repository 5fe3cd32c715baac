package io.github.yeastarsdk;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;

/**
 * Runs generated Retrofit calls and maps every outcome to a value or a {@link YeastarException}: a
 * failure envelope to the exception that the spec's errcode table names, an HTTP error to {@link
 * HttpStatusException}, an I/O failure to {@link TransportException}. No IOException or parser
 * exception leaves the SDK.
 */
final class CallRunner {
  /** How much of an error body an {@link HttpStatusException} quotes. */
  static final int EXCERPT_CHARS = 200;

  private final Redactor redactor;

  CallRunner(Redactor redactor) {
    this.redactor = redactor;
  }

  /** Runs {@code call} and returns its successful answer. */
  <T extends Envelope> T execute(Call<T> call) {
    Response<T> response;
    try {
      response = call.execute();
    } catch (IOException e) {
      throw transportFailure(e);
    }
    return checked(response);
  }

  /** Runs {@code call} without blocking; the future fails with a {@link YeastarException}. */
  <T extends Envelope> CompletableFuture<T> executeAsync(Call<T> call) {
    CompletableFuture<T> future = new CompletableFuture<>();
    future.whenComplete(
        (value, error) -> {
          if (future.isCancelled()) {
            call.cancel();
          }
        });
    call.enqueue(
        new Callback<T>() {
          @Override
          public void onResponse(Call<T> c, Response<T> response) {
            try {
              future.complete(checked(response));
            } catch (YeastarException e) {
              future.completeExceptionally(e);
            }
          }

          @Override
          public void onFailure(Call<T> c, Throwable error) {
            future.completeExceptionally(
                error instanceof IOException e ? transportFailure(e) : unexpected(error));
          }
        });
    return future;
  }

  private <T extends Envelope> T checked(Response<T> response) {
    if (!response.isSuccessful()) {
      throw new HttpStatusException(response.code(), excerpt(response.errorBody()));
    }
    T body = response.body();
    if (body == null) {
      throw new MalformedResponseException("HTTP " + response.code() + " with no body", null);
    }
    if (body.failed()) {
      throw body.failure();
    }
    return body;
  }

  YeastarException transportFailure(IOException e) {
    String message = redactor.redact(String.valueOf(e.getMessage()));
    Throwable cause = redactor.scrub(e);
    // OkHttp reports a whole-call timeout as an InterruptedIOException whose message is "timeout".
    if (e instanceof SocketTimeoutException
        || (e instanceof InterruptedIOException && "timeout".equals(e.getMessage()))) {
      return new RequestTimeoutException("Timed out: " + message, cause);
    }
    return new TransportException(e.getClass().getSimpleName() + ": " + message, cause);
  }

  private YeastarException unexpected(Throwable error) {
    if (error instanceof YeastarException e) {
      return e;
    }
    return new MalformedResponseException(
        "Unexpected failure: " + redactor.redact(String.valueOf(error.getMessage())),
        redactor.scrub(error));
  }

  /** The start of an error body, on one line, without secrets; empty when unreadable. */
  private String excerpt(ResponseBody body) {
    if (body == null) {
      return "";
    }
    try (body;
        InputStream in = body.byteStream()) {
      String text = new String(in.readNBytes(EXCERPT_CHARS * 4), StandardCharsets.UTF_8);
      text = redactor.redact(text.replaceAll("\\s+", " ").trim());
      return text.length() <= EXCERPT_CHARS ? text : text.substring(0, EXCERPT_CHARS) + "…";
    } catch (IOException e) {
      return "";
    }
  }
}
