package io.github.yeastarsdk;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javax.net.ssl.SSLException;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;

/**
 * Runs generated Retrofit calls and turns every outcome into a value or a {@link YeastarException}:
 * no IOException or parser exception leaves the SDK.
 */
final class CallRunner {
  /** How much of an error body an {@link HttpStatusException} quotes. */
  static final int EXCERPT_CHARS = Redactor.EXCERPT_CHARS;

  /** What the PBX says of a call, read from a response envelope. */
  record Status(int errcode, String errmsg, String submsg, List<InvalidParam> invalidParams) {}

  private final Redactor redactor;
  private final TokenSource tokens;

  /** {@code tokens} hears of expired tokens; null for calls that carry no token. */
  CallRunner(Redactor redactor, TokenSource tokens) {
    this.redactor = redactor;
    this.tokens = tokens;
  }

  <T> T execute(Call<T> call, Function<T, Status> status) {
    try {
      return executeOnce(call, status);
    } catch (TokenExpiredException e) {
      if (!renewsTokens()) {
        throw e;
      }
      // The token expired early or was revoked: try once more, with a renewed token.
      return executeOnce(call.clone(), status);
    }
  }

  <T> CompletableFuture<T> executeAsync(Call<T> call, Function<T, Status> status) {
    return enqueue(call, status)
        .exceptionallyCompose(
            error ->
                error instanceof TokenExpiredException && renewsTokens()
                    ? enqueue(call.clone(), status)
                    : CompletableFuture.failedFuture(error));
  }

  private boolean renewsTokens() {
    return tokens != null && tokens.renewable();
  }

  private <T> T executeOnce(Call<T> call, Function<T, Status> status) {
    Response<T> response;
    try {
      response = call.execute();
    } catch (IOException e) {
      throw transportFailure(e);
    }
    return checked(response, status);
  }

  private <T> CompletableFuture<T> enqueue(Call<T> call, Function<T, Status> status) {
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
              future.complete(checked(response, status));
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

  private <T> T checked(Response<T> response, Function<T, Status> status) {
    if (!response.isSuccessful()) {
      throw new HttpStatusException(
          response.code(), redactor.redact(response.headers()), excerpt(response.errorBody()));
    }
    T body = response.body();
    if (body == null) {
      throw new MalformedResponseException(
          "HTTP " + response.code() + " with no body", null, "", null);
    }
    Status outcome = status.apply(body);
    if (outcome.errcode() == 10004 && tokens != null) {
      // The request as sent, after the interceptors: it names the token that was refused.
      tokens.expired(
          response.raw().request().url().queryParameter(AccessTokenInterceptor.PARAMETER));
    }
    if (outcome.errcode() != 0) {
      throw FailureAnswers.exception(
          redactor, outcome.errcode(), outcome.errmsg(), outcome.submsg(), outcome.invalidParams());
    }
    return body;
  }

  /**
   * The failure in words (what happened, then the I/O message with secrets removed); the I/O
   * exception, scrubbed but of the same type, is the cause.
   */
  YeastarException transportFailure(IOException e) {
    if (e instanceof AccessTokenInterceptor.Unavailable
        && e.getCause() instanceof YeastarException cause) {
      return cause;
    }
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
