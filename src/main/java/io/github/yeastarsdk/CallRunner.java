package io.github.yeastarsdk;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLException;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;

/**
 * Runs generated Retrofit calls and maps every outcome to a value or a {@link YeastarException}: a
 * failure envelope to the exception that {@link FailureAnswers} makes of it, an HTTP error to
 * {@link HttpStatusException}, an I/O failure to {@link TransportException}. No IOException or
 * parser exception leaves the SDK.
 */
final class CallRunner {
  /** How much of an error body an {@link HttpStatusException} quotes. */
  static final int EXCERPT_CHARS = Redactor.EXCERPT_CHARS;

  private final Redactor redactor;
  private final FailureAnswers failures;

  CallRunner(Redactor redactor, FailureAnswers failures) {
    this.redactor = redactor;
    this.failures = failures;
  }

  /** Runs {@code call} and returns its successful answer, with the answer's status and headers. */
  <T extends Envelope> RawResponse<T> execute(Call<T> call) {
    Response<T> response;
    try {
      response = call.execute();
    } catch (IOException e) {
      throw transportFailure(e);
    }
    return checked(response);
  }

  /** Runs {@code call} without blocking; the future fails with a {@link YeastarException}. */
  <T extends Envelope> CompletableFuture<RawResponse<T>> executeAsync(Call<T> call) {
    CompletableFuture<RawResponse<T>> future = new CompletableFuture<>();
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

  private <T extends Envelope> RawResponse<T> checked(Response<T> response) {
    if (!response.isSuccessful()) {
      throw new HttpStatusException(
          response.code(), redactor.redact(response.headers()), excerpt(response.errorBody()));
    }
    T body = response.body();
    if (body == null) {
      throw new MalformedResponseException(
          "HTTP " + response.code() + " with no body", null, "", null);
    }
    if (body.failed()) {
      throw failures.exception(body.failure());
    }
    return new RawResponse<>(response.code(), response.headers(), body);
  }

  /**
   * The failure in words (what happened, then the I/O message with secrets removed); the I/O
   * exception, scrubbed but of the same type, is the cause.
   */
  YeastarException transportFailure(IOException e) {
    if (e instanceof ResponseCutShort && e.getCause() instanceof IOException io) {
      return new IncompleteResponseException(
          "answer cut short: the connection ended before the whole response arrived ("
              + detail(io)
              + ")",
          redactor.scrub(io));
    }
    Throwable cause = redactor.scrub(e);
    // OkHttp reports a whole-call timeout as an InterruptedIOException whose message is "timeout".
    if (e instanceof SocketTimeoutException
        || (e instanceof InterruptedIOException && "timeout".equals(e.getMessage()))) {
      return new RequestTimeoutException("timed out: " + detail(e), cause);
    }
    return new TransportException(words(e) + ": " + detail(e), cause);
  }

  private static String words(IOException e) {
    if (e instanceof ConnectException) {
      // OkHttp's "Failed to connect to ..." wraps the socket's own "Connection refused", or
      // another reason such as "Network is unreachable".
      for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
        if (t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains("refused")) {
          return "connection refused";
        }
      }
      return "could not connect";
    }
    if (e instanceof UnknownHostException) {
      return "unknown host";
    }
    if (e instanceof NoRouteToHostException) {
      return "no route to the host";
    }
    if (e instanceof SSLException) {
      return "secure connection failed";
    }
    // The connection was made, or its fate is unknown, and no response came back.
    return "no answer";
  }

  private String detail(IOException e) {
    return redactor.redact(String.valueOf(e.getMessage()));
  }

  private YeastarException unexpected(Throwable error) {
    if (error instanceof YeastarException e) {
      return e;
    }
    return new MalformedResponseException(
        "Unexpected failure: " + redactor.redact(String.valueOf(error.getMessage())),
        null,
        "",
        redactor.scrub(error));
  }

  /** The start of an error body, on one line, without secrets; empty when unreadable. */
  private String excerpt(ResponseBody body) {
    if (body == null) {
      return "";
    }
    try (body;
        InputStream in = body.byteStream()) {
      return redactor.excerpt(new String(in.readNBytes(EXCERPT_CHARS * 4), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return "";
    }
  }
}
