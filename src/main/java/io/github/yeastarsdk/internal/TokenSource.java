package io.github.yeastarsdk.internal;

import java.util.function.Supplier;

/**
 * Where {@link Authentication} gets the access token: the caller's supplier, or the client's own
 * {@link TokenManager}.
 */
public interface TokenSource extends Supplier<String> {
  /** The PBX refused {@code token}, which it was sent: the next {@link #get()} renews it. */
  default void expired(String token) {}

  /** True if a call whose token was refused may be tried once more with a renewed token. */
  default boolean renewable() {
    return false;
  }

  /** Releases what the source holds; must not throw. */
  default void close() {}

  /** A token the caller supplies: never renewed or revoked by the client. */
  public static TokenSource of(Supplier<String> supplier) {
    return supplier::get;
  }
}
