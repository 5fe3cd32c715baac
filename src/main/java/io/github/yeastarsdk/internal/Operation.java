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
 */
public record Operation(String id, String method, String path, List<String> ownQueryParameters) {
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
