package io.github.yeastarsdk.internal;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Waits between attempts. The client's retries wait only through this, so that a test can replace
 * it and count the pauses instead of sleeping through them.
 */
public interface Sleeper {
  /**
   * Blocks the caller for {@code delay}.
   *
   * @throws InterruptedIOException if the thread is interrupted while it waits
   */
  void sleep(Duration delay) throws InterruptedIOException;

  /** Returns a future that completes, on {@code executor}, once {@code delay} has passed. */
  CompletableFuture<Void> sleepAsync(Duration delay, Executor executor);

  /** The real one: the thread sleeps, and an asynchronous pause is a delayed task. */
  Sleeper SYSTEM =
      new Sleeper() {
        @Override
        public void sleep(Duration delay) throws InterruptedIOException {
          try {
            Thread.sleep(delay.toMillis());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to retry");
          }
        }

        @Override
        public CompletableFuture<Void> sleepAsync(Duration delay, Executor executor) {
          return CompletableFuture.runAsync(
              () -> {},
              CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS, executor));
        }
      };
}
