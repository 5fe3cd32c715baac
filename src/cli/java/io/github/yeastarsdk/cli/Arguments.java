package io.github.yeastarsdk.cli;

import io.github.yeastarsdk.ConferenceSortField;
import io.github.yeastarsdk.SortOrder;
import org.jspecify.annotations.Nullable;

/**
 * One command line, read: what {@link CommandOptions#parse} makes of the arguments. Settings that
 * may also come from the environment ({@code baseUrl}, {@code token}) are null when not given.
 */
record Arguments(
    boolean help,
    boolean version,
    @Nullable String baseUrl,
    @Nullable String token,
    int page,
    int pageSize,
    @Nullable ConferenceSortField sortBy,
    @Nullable SortOrder orderBy,
    boolean all,
    boolean json,
    boolean verbose,
    boolean allowInsecureHttp) {

  /** Never prints the token: a record's own toString() would. */
  @Override
  public String toString() {
    return "Arguments[baseUrl=" + baseUrl + ", token=" + (token == null ? "none" : "***") + "]";
  }
}
