package io.github.yeastarsdk.internal;

import io.github.yeastarsdk.RawResponse;
import io.github.yeastarsdk.errors.CallDetails;
import io.github.yeastarsdk.errors.YeastarException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;

/**
 * Runs a generated Retrofit call to its outcome: the one home of retries. Each attempt is a fresh
 * clone of the call, so that it passes through every interceptor (and is logged) again; OkHttp's
 * own silent retry is off, so that {@code maxRetries(n)} means at most n + 1 requests. What a
 * failure becomes is {@link FailureMapper}'s decision; this adds which call it was, how many
 * attempts it made and how long it took. Time is read from the injected clock and waited out
 * through the injected {@link Sleeper}, so that tests neither sleep nor depend on the wall clock.
 */
public final class CallExecutor {
  private final FailureMapper mapper;
  private final RetryPolicy policy;
  private final Redactor redactor;
  private final Sleeper sleeper;
  private final Clock clock;
  private final Executor executor;

  /**
   * @param executor where an asynchronous retry continues after its pause
   */
  public CallExecutor(
      FailureMapper mapper,
      RetryPolicy policy,
      Redactor redactor,
      Sleeper sleeper,
      Clock clock,
      Executor executor) {
    this.mapper = mapper;
    this.policy = policy;
    this.redactor = redactor;
    this.sleeper = sleeper;
    this.clock = clock;
    this.executor = executor;
  }

  /** Runs {@code call} with {@code settings}' timeout and retries, blocking the caller. */
  public <T extends Envelope> RawResponse<T> execute(Call<T> call, CallSettings settings) {
    long start = clock.millis();
    for (int attempt = 1; ; attempt++) {
      Call<T> current = settings.applyTimeout(attempt == 1 ? call : call.clone());
      Response<T> response;
      try {
        response = current.execute();
      } catch (IOException | RuntimeException e) {
        Duration pause = pauseAfter(e, attempt, settings, current);
        if (pause == null) {
          throw attach(mapper.failure(e, settings.operation()), current, settings, attempt, start);
        }
        pause(pause, current, settings, attempt, start);
        continue;
      }
      Duration pause = pauseAfter(response, attempt, settings);
      if (pause == null) {
        return withDetails(
            () -> mapper.outcome(response, settings.operation()),
            current,
            settings,
            attempt,
            start);
      }
      closeQuietly(response);
      pause(pause, current, settings, attempt, start);
    }
  }

  private void pause(Duration pause, Call<?> call, CallSettings settings, int attempt, long start) {
    try {
      sleeper.sleep(pause);
    } catch (IOException interrupted) {
      throw attach(
          mapper.failure(interrupted, settings.operation()), call, settings, attempt, start);
    }
  }

  /**
   * Like {@link #execute}, without blocking; cancelling the future cancels the attempt under way.
   */
  public <T extends Envelope> CompletableFuture<RawResponse<T>> executeAsync(
      Call<T> call, CallSettings settings) {
    CompletableFuture<RawResponse<T>> result = new CompletableFuture<>();
    attemptAsync(call, settings, 1, clock.millis(), result);
    return result;
  }

  private <T extends Envelope> void attemptAsync(
      Call<T> call,
      CallSettings settings,
      int attempt,
      long start,
      CompletableFuture<RawResponse<T>> result) {
    if (result.isDone()) {
      // Cancelled during the pause: make no further request.
      return;
    }
    Call<T> current = settings.applyTimeout(attempt == 1 ? call : call.clone());
    result.whenComplete(
        (value, error) -> {
          if (result.isCancelled()) {
            current.cancel();
          }
        });
    current.enqueue(
        new Callback<T>() {
          @Override
          public void onResponse(Call<T> c, Response<T> response) {
            Duration pause = pauseAfter(response, attempt, settings);
            if (pause == null) {
              try {
                result.complete(
                    withDetails(
                        () -> mapper.outcome(response, settings.operation()),
                        current,
                        settings,
                        attempt,
                        start));
              } catch (YeastarException e) {
                result.completeExceptionally(e);
              }
              return;
            }
            closeQuietly(response);
            retryLater(pause);
          }

          @Override
          public void onFailure(Call<T> c, Throwable error) {
            Duration pause = pauseAfter(error, attempt, settings, current);
            if (pause == null) {
              fail(error);
              return;
            }
            retryLater(pause);
          }

          private void fail(Throwable error) {
            result.completeExceptionally(
                attach(
                    mapper.failure(error, settings.operation()),
                    current,
                    settings,
                    attempt,
                    start));
          }

          private void retryLater(Duration pause) {
            sleeper
                .sleepAsync(pause, executor)
                .whenComplete(
                    (ignored, error) -> {
                      if (error != null) {
                        fail(error);
                      } else {
                        attemptAsync(call, settings, attempt + 1, start, result);
                      }
                    });
          }
        });
  }

  /** The pause before another attempt after an answer, or null if the answer is the outcome. */
  private @Nullable Duration pauseAfter(Response<?> response, int attempt, CallSettings settings) {
    if (response.isSuccessful()
        || !RetryPolicy.isTransient(response.code())
        || !mayRetry(attempt, settings)) {
      return null;
    }
    return policy.afterStatus(response.headers().get("Retry-After"), attempt);
  }

  /** The pause before another attempt after a failure, or null if the failure is the outcome. */
  private @Nullable Duration pauseAfter(
      Throwable error, int attempt, CallSettings settings, Call<?> call) {
    if (!(error instanceof IOException io)
        || call.isCanceled()
        || !RetryPolicy.isTransient(io)
        || !mayRetry(attempt, settings)) {
      return null;
    }
    return policy.backoff(attempt);
  }

  private static boolean mayRetry(int attempt, CallSettings settings) {
    return settings.retryable() && attempt <= settings.maxRetries();
  }

  private interface Outcome<R> {
    R get();
  }

  private <R> R withDetails(
      Outcome<R> outcome, Call<?> call, CallSettings settings, int attempt, long start) {
    try {
      return outcome.get();
    } catch (YeastarException e) {
      throw attach(e, call, settings, attempt, start);
    }
  }

  private YeastarException attach(
      YeastarException e, Call<?> call, CallSettings settings, int attempts, long start) {
    if (e.call().isPresent()) {
      return e;
    }
    Operation operation = settings.operation();
    return e.initCall(
        new CallDetails(
            operation.id(),
            operation.method(),
            redactor.redact(sent(call).url().toString()),
            settings.priorAttempts() + attempts,
            settings.priorElapsed().plusMillis(Math.max(0, clock.millis() - start))));
  }

  /** The request as the client's interceptor sends it: with the token, which the redactor masks. */
  private static okhttp3.Request sent(Call<?> call) {
    okhttp3.Request request = call.request();
    CallSettings settings = request.tag(CallSettings.class);
    return settings != null ? settings.applyTo(request) : request;
  }

  private static void closeQuietly(Response<?> response) {
    if (response.errorBody() != null) {
      response.errorBody().close();
    }
  }
}
