package io.github.yeastarsdk.internal;

import io.github.yeastarsdk.RawResponse;
import io.github.yeastarsdk.errors.TokenExpiredException;
import io.github.yeastarsdk.errors.YeastarException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import retrofit2.Call;

/**
 * The one home of authentication for calls that carry an access token: it obtains the token, puts
 * it on the request, recognises a refused token on the answer ({@link TokenExpiredException}) and,
 * when the token is the client's own, renews it and tries once more. Closing it ends the session:
 * later calls are refused and a token the client obtained is revoked.
 */
public final class Authentication implements AutoCloseable {
  private final TokenSource tokens;
  private final CallExecutor calls;
  private final Redactor redactor;
  private final Executor executor;
  private volatile boolean closed;

  /**
   * @param executor where an asynchronous call obtains its token, so that a renewal never blocks
   *     the caller's thread
   */
  public Authentication(
      TokenSource tokens, CallExecutor calls, Redactor redactor, Executor executor) {
    this.tokens = tokens;
    this.calls = calls;
    this.redactor = redactor;
    this.executor = executor;
  }

  /**
   * Runs the call that {@code request} makes for a token, and returns its answer with the status
   * and headers it came with.
   *
   * @throws IllegalStateException if the session is closed or the token supplier gave no token
   * @throws YeastarException for every failure of the call
   */
  public <T extends Envelope> RawResponse<T> execute(
      CallSettings settings, Function<String, Call<T>> request) {
    checkOpen();
    String token = token();
    try {
      return calls.execute(request.apply(token), settings);
    } catch (TokenExpiredException refused) {
      // Whichever way the answer was read, strictly as an envelope or leniently as a failure
      // body that did not match the spec, a refused token arrives here as this one type.
      if (!tokens.renewable()) {
        throw refused;
      }
      // The token expired early or was revoked: once more, with a renewed token.
      tokens.expired(token);
      return calls.execute(request.apply(token()), settings.after(refused));
    }
  }

  /** Like {@link #execute}, without blocking the caller; cancelling the future cancels the call. */
  public <T extends Envelope> CompletableFuture<RawResponse<T>> executeAsync(
      CallSettings settings, Function<String, Call<T>> request) {
    checkOpen();
    CompletableFuture<RawResponse<T>> result = new CompletableFuture<>();
    attempt(settings, request, result, true);
    return result;
  }

  private <T extends Envelope> void attempt(
      CallSettings settings,
      Function<String, Call<T>> request,
      CompletableFuture<RawResponse<T>> result,
      boolean first) {
    try {
      executor.execute(() -> run(settings, request, result, first));
    } catch (RejectedExecutionException closedMeanwhile) {
      result.completeExceptionally(new IllegalStateException("this YeastarClient is closed"));
    }
  }

  private <T extends Envelope> void run(
      CallSettings settings,
      Function<String, Call<T>> request,
      CompletableFuture<RawResponse<T>> result,
      boolean first) {
    if (result.isDone()) {
      // Cancelled while it waited for a thread (a pager whose caller stopped): make no call.
      return;
    }
    String token;
    Call<T> call;
    try {
      // Both run on a dispatcher thread: what they throw (no token, options the operation
      // refuses) must fail the future, or the caller would wait for ever.
      token = token();
      call = request.apply(token);
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
      return;
    }
    result.whenComplete(
        (value, error) -> {
          if (result.isCancelled()) {
            call.cancel();
          }
        });
    calls
        .executeAsync(call, settings)
        .whenComplete(
            (value, error) -> {
              if (error == null) {
                result.complete(value);
              } else if (first
                  && error instanceof TokenExpiredException refused
                  && tokens.renewable()) {
                tokens.expired(token);
                attempt(settings.after(refused), request, result, false);
              } else {
                result.completeExceptionally(error);
              }
            });
  }

  private String token() {
    String token = tokens.get();
    if (token == null || token.isBlank()) {
      throw new IllegalStateException("the access token supplier returned no token");
    }
    return redactor.remember(token);
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("this YeastarClient is closed");
    }
  }

  /** Refuses later calls and revokes a token that the client obtained; never throws. */
  @Override
  public void close() {
    closed = true;
    tokens.close();
  }

  @Override
  public String toString() {
    return "Authentication(access_token=" + Redactor.MASK + ")";
  }
}
