package io.github.yeastarsdk;

import java.util.function.Supplier;

/** Where a client's access token comes from: the caller, or the client's own token manager. */
interface TokenSource extends Supplier<String> {
  /** The PBX answered 10004 TOKEN EXPIRED to a request that carried {@code token}. */
  default void expired(String token) {}

  /** True if a call that failed with 10004 may be retried once with a renewed token. */
  default boolean renewable() {
    return false;
  }

  /** Releases what the source holds; must not throw. */
  default void close() {}

  /** A token the caller supplies: never renewed or revoked by the client. */
  static TokenSource of(Supplier<String> supplier) {
    return supplier::get;
  }
}
