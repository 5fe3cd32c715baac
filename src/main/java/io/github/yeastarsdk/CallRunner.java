package io.github.yeastarsdk;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
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
  static final int EXCERPT_CHARS = 200;

  /** What the PBX says of a call, read from a response envelope. */
  record Status(int errcode, String errmsg, List<InvalidParam> invalidParams) {}

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
    Call<T> retry = call.clone();
    return CompletableFutures.onCancel(
        enqueue(call, status)
            .exceptionallyCompose(
                error ->
                    error instanceof TokenExpiredException && renewsTokens()
                        ? enqueue(retry, status)
                        : CompletableFuture.failedFuture(error)),
        () -> {
          call.cancel();
          retry.cancel();
        });
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
      throw new HttpStatusException(response.code(), excerpt(response.errorBody()));
    }
    T body = response.body();
    if (body == null) {
      throw new MalformedResponseException("HTTP " + response.code() + " with no body", null);
    }
    Status outcome = status.apply(body);
    if (outcome.errcode() == 10004 && tokens != null) {
      // The request as sent, after the interceptors: it names the token that was refused.
      tokens.expired(
          response.raw().request().url().queryParameter(AccessTokenInterceptor.PARAMETER));
    }
    if (outcome.errcode() != 0) {
      throw ApiErrorException.of(outcome.errcode(), outcome.errmsg(), outcome.invalidParams());
    }
    return body;
  }

  YeastarException transportFailure(IOException e) {
    if (e instanceof AccessTokenInterceptor.Unavailable
        && e.getCause() instanceof YeastarException cause) {
      return cause;
    }
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
