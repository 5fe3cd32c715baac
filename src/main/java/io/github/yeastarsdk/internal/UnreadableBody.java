package io.github.yeastarsdk.internal;

import java.io.IOException;
import okio.Buffer;

/**
 * A response body arrived whole but is not the JSON that the spec describes. An IOException so that
 * Retrofit passes it on as it is; it carries the body so that {@link FailureMapper} can still read
 * a failure envelope from it, or quote it.
 */
public final class UnreadableBody extends IOException {
  private final transient Buffer body;

  public UnreadableBody(Exception cause, Buffer body) {
    super(cause.getMessage(), cause);
    this.body = body;
  }

  /** The body as it arrived; read it with {@code peek()} or {@code snapshot()}. */
  public Buffer body() {
    return body;
  }
}
