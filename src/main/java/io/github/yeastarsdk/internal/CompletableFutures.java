package io.github.yeastarsdk.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/** Waits for futures and rethrows their failure as it was thrown, not wrapped. */
public final class CompletableFutures {
  private CompletableFutures() {}

  public static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        // The failure happened on another thread: add this thread's stack for the caller.
        runtime.addSuppressed(new CallSite());
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  /**
   * Returns {@code derived}, which runs {@code onCancel} when it is cancelled. A future made by
   * {@code thenApply} or {@code exceptionallyCompose} does not pass its cancellation back to the
   * futures it was made from, so without this a cancelled page fetch would still run to the end.
   */
  public static <T> CompletableFuture<T> onCancel(CompletableFuture<T> derived, Runnable onCancel) {
    derived.whenComplete(
        (value, error) -> {
          if (derived.isCancelled()) {
            onCancel.run();
          }
        });
    return derived;
  }

  /**
   * Returns {@code source} converted by {@code convert}; cancelling the result cancels {@code
   * source}, so that a cancelled page or value still cancels its call.
   */
  public static <T, R> CompletableFuture<R> map(
      CompletableFuture<T> source, Function<? super T, ? extends R> convert) {
    return onCancel(source.thenApply(convert), () -> source.cancel(true));
  }

  /** Marks where a caller waited for a failed asynchronous call. */
  private static final class CallSite extends RuntimeException {
    CallSite() {
      super("awaited here");
    }
  }
}
