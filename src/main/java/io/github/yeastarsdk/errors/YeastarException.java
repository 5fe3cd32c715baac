package io.github.yeastarsdk.errors;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The base of every exception that this SDK throws from a call to the PBX. Messages never contain
 * the access token or the Client Secret.
 */
public class YeastarException extends RuntimeException {
  /**
   * For callers' own tests and subclasses; the SDK redacts {@code message} before it gets here.
   *
   * @param message what failed, in words
   * @param cause the exception that made the call fail, or null
   */
  public YeastarException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }

  /** Which call failed; set once, by the SDK when the failure leaves a call. */
  private volatile @Nullable CallDetails call;

  /**
   * Which call failed and how far it got: operation, method, URL (secrets masked), attempts and
   * time spent.
   *
   * @return the call's details; empty for an exception that was not thrown by a call (one that a
   *     caller's fake built)
   */
  public Optional<CallDetails> call() {
    return Optional.ofNullable(call);
  }

  /**
   * Sets {@link #call()}, once, as {@link Throwable#initCause} sets the cause. The SDK calls it as
   * the failure leaves a call; a caller's fake may call it too.
   *
   * @param call which call failed
   * @return this exception
   * @throws IllegalStateException if the details are already set
   */
  public YeastarException initCall(CallDetails call) {
    Objects.requireNonNull(call, "call == null");
    synchronized (this) {
      if (this.call != null) {
        throw new IllegalStateException("the call's details are already set");
      }
      this.call = call;
    }
    return this;
  }

  /** The message, followed by the call's details once they are set. */
  @Override
  public String getMessage() {
    CallDetails details = call;
    String message = super.getMessage();
    return details == null ? message : message + " [" + details + "]";
  }
}
