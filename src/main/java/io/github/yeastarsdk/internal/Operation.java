package io.github.yeastarsdk.internal;

import java.util.List;
import java.util.Objects;

/**
 * What the spec says of one operation that the SDK's settings and failures need: its id, method and
 * path, for messages and logs, and the query parameters it owns, which per-call options may not
 * replace. The generated resource implementations hold one per operation.
 *
 * @param id the spec's operationId, for example {@code listConferences}
 * @param method the HTTP method
 * @param path the path, from the host's root
 * @param ownQueryParameters the query parameters of the operation's params type
 * @param repeatable whether an attempt that failed in transit may be sent again: true for GET and
 *     HEAD, and for the token requests, whose repetition the token manager accepts
 */
public record Operation(
    String id, String method, String path, List<String> ownQueryParameters, boolean repeatable) {
  /** An operation that may be repeated exactly when its method is idempotent. */
  public Operation(String id, String method, String path, List<String> ownQueryParameters) {
    this(id, method, path, ownQueryParameters, RetryPolicy.isIdempotent(method));
  }

  /** Checks the values and copies the list. */
  public Operation {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(method, "method == null");
    Objects.requireNonNull(path, "path == null");
    ownQueryParameters = List.copyOf(ownQueryParameters);
  }

  @Override
  public String toString() {
    return id + " (" + method + " " + path + ")";
  }
}
