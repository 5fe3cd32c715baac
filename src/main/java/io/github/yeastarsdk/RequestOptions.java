package io.github.yeastarsdk;

import io.github.yeastarsdk.internal.Arguments;
import io.github.yeastarsdk.internal.HeaderChecks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * Settings for one call that override the client's, without building another client: a timeout, a
 * retry count, extra headers and extra query parameters. Immutable; build one with {@link
 * #builder()} and pass it to an operation, for example {@code conferences().list(params, options)}.
 *
 * <pre>{@code
 * RequestOptions options = RequestOptions.builder()
 *     .timeout(Duration.ofSeconds(5))
 *     .maxRetries(0)
 *     .putHeader("Prefer", "example=token_expired")
 *     .build();
 * }</pre>
 *
 * <p>They apply to the call they are given to, its retries and, when the PBX refuses the client's
 * token, its one repeat with a renewed token; not to the token requests that the client makes for
 * it.
 */
public final class RequestOptions {
  private static final RequestOptions NONE = new Builder().build();

  private final @Nullable Duration timeout;
  private final @Nullable Integer maxRetries;
  private final Map<String, List<String>> headers;
  private final Map<String, List<String>> queryParams;

  private RequestOptions(Builder builder) {
    this.timeout = builder.timeout;
    this.maxRetries = builder.maxRetries;
    this.headers = copy(builder.headers);
    this.queryParams = copy(builder.queryParams);
  }

  /**
   * Options that change nothing: every setting is the client's.
   *
   * @return the shared empty options
   */
  public static RequestOptions none() {
    return NONE;
  }

  /**
   * Returns a builder with no settings.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder that holds these settings.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.timeout = timeout;
    builder.maxRetries = maxRetries;
    headers.forEach((name, values) -> builder.headers.put(name, new ArrayList<>(values)));
    queryParams.forEach((name, values) -> builder.queryParams.put(name, new ArrayList<>(values)));
    return builder;
  }

  /**
   * The time the whole call may take, retries included.
   *
   * @return the timeout; empty for the client's callTimeout
   */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  /**
   * How often a transient failure is retried.
   *
   * @return the retry count; empty for the client's maxRetries
   */
  public OptionalInt maxRetries() {
    return maxRetries == null ? OptionalInt.empty() : OptionalInt.of(maxRetries);
  }

  /**
   * The extra headers.
   *
   * @return the headers by name, each with its values in order, unmodifiable; empty if none
   */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /**
   * The extra query parameters.
   *
   * @return the parameters by name, each with its values in order, unmodifiable; empty if none
   */
  public Map<String, List<String>> queryParams() {
    return queryParams;
  }

  /** The names only: a header value may be a credential. */
  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof RequestOptions that
        && Objects.equals(timeout, that.timeout)
        && Objects.equals(maxRetries, that.maxRetries)
        && headers.equals(that.headers)
        && queryParams.equals(that.queryParams);
  }

  @Override
  public int hashCode() {
    return Objects.hash(timeout, maxRetries, headers, queryParams);
  }

  /** The settings; of headers and query parameters only the names, since values may be secret. */
  @Override
  public String toString() {
    return "RequestOptions(timeout="
        + timeout
        + ", maxRetries="
        + maxRetries
        + ", headers="
        + headers.keySet()
        + ", queryParams="
        + queryParams.keySet()
        + ")";
  }

  private static Map<String, List<String>> copy(Map<String, List<String>> map) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    map.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    return Collections.unmodifiableMap(copy);
  }

  /** Builds {@link RequestOptions}; every setting is checked when it is set. */
  public static final class Builder {
    private @Nullable Duration timeout;
    private @Nullable Integer maxRetries;
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private final Map<String, List<String>> queryParams = new LinkedHashMap<>();

    private Builder() {}

    /**
     * The time the whole call may take, retries included, in place of the client's callTimeout;
     * zero for no limit. The client's connect and read timeouts still apply to each attempt.
     *
     * @param timeout the time allowed, zero for no limit
     * @return this builder
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    public Builder timeout(Duration timeout) {
      this.timeout = Arguments.nonNegative("timeout", timeout);
      return this;
    }

    /**
     * How often a transient failure of this call is retried, in place of the client's maxRetries; 0
     * for none.
     *
     * @param maxRetries the number of retries, 0 for none
     * @return this builder
     * @throws IllegalArgumentException if {@code maxRetries} is negative
     */
    public Builder maxRetries(int maxRetries) {
      this.maxRetries = Arguments.maxRetries(maxRetries);
      return this;
    }

    /**
     * Adds a header value. The headers named here replace any the client would send under the same
     * name, {@code User-Agent} included.
     *
     * @param name the header name
     * @param value the header value, printable ASCII
     * @return this builder
     * @throws IllegalArgumentException if the name is not a valid header name or the value holds a
     *     control or non-ASCII character; the message names the header, never its value
     */
    public Builder putHeader(String name, String value) {
      Objects.requireNonNull(name, "name == null");
      Objects.requireNonNull(value, "value == null");
      HeaderChecks.checkName(name);
      HeaderChecks.checkValue(name, value);
      headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
      return this;
    }

    /**
     * Removes the headers named {@code name} that this builder holds.
     *
     * @param name the header name
     * @return this builder
     */
    public Builder removeHeader(String name) {
      headers.remove(Objects.requireNonNull(name, "name == null"));
      return this;
    }

    /**
     * Adds a query parameter value, sent besides the operation's own. An operation refuses, when it
     * is called, options that name one of its own parameters (set those on its params).
     *
     * @param name the parameter name
     * @param value the parameter value, as it is to be sent before URL encoding
     * @return this builder
     * @throws IllegalArgumentException if {@code name} is empty or {@code access_token}, which only
     *     the client sets
     */
    public Builder putQueryParam(String name, String value) {
      Objects.requireNonNull(name, "name == null");
      Objects.requireNonNull(value, "value == null");
      if (name.isEmpty()) {
        throw new IllegalArgumentException("query parameter name is empty");
      }
      if (name.equals("access_token")) {
        throw new IllegalArgumentException(
            "query parameter access_token is set by the client from its token, not per call");
      }
      queryParams.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
      return this;
    }

    /**
     * Removes the query parameters named {@code name} that this builder holds.
     *
     * @param name the parameter name
     * @return this builder
     */
    public Builder removeQueryParam(String name) {
      queryParams.remove(Objects.requireNonNull(name, "name == null"));
      return this;
    }

    /**
     * Returns the options; every setting was checked when it was set.
     *
     * @return the options
     */
    public RequestOptions build() {
      return new RequestOptions(this);
    }
  }
}
