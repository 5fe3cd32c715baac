package io.github.yeastarsdk;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Waits for futures and rethrows their failure as it was thrown, not wrapped. */
final class CompletableFutures {
  private CompletableFutures() {}

  static <T> T join(CompletableFuture<T> future) {
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

  /** Marks where a caller waited for a failed asynchronous call. */
  private static final class CallSite extends RuntimeException {
    CallSite() {
      super("awaited here");
    }
  }
}
