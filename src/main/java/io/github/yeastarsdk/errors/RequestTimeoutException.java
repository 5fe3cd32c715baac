package io.github.yeastarsdk.errors;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A connect, read or whole-call timeout elapsed before the PBX answered. */
public final class RequestTimeoutException extends TransportException {
  /** Which of the client's timeouts elapsed. */
  public enum Timeout {
    /** Connecting to the PBX took longer than the connect timeout. */
    CONNECT,
    /** The PBX was silent for longer than the read timeout. */
    READ,
    /** The whole call, retries included, took longer than the call timeout. */
    CALL
  }

  /** Which timeout elapsed. */
  private final Timeout timeout;

  /**
   * For callers' own tests; the SDK redacts the message and the cause first.
   *
   * @param message what failed, in words
   * @param cause the I/O exception, or null
   * @param timeout which timeout elapsed
   */
  public RequestTimeoutException(String message, @Nullable Throwable cause, Timeout timeout) {
    super(message, cause);
    this.timeout = Objects.requireNonNull(timeout, "timeout == null");
  }

  /**
   * Which timeout elapsed: connect, read or the whole call.
   *
   * @return the timeout
   */
  public Timeout timeout() {
    return timeout;
  }
}
