package io.github.yeastarsdk.internal;

import io.github.yeastarsdk.RawResponse;
import io.github.yeastarsdk.RequestOptions;
import io.github.yeastarsdk.errors.MalformedResponseException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;
import retrofit2.Retrofit;

/**
 * What a generated resource needs of its client, and nothing more: the Retrofit services, each
 * call's settings, and a way to run a call with the client's token. Built once by the client and
 * shared by every resource and every {@code withOptions} copy of one.
 */
public final class CallContext {
  private final Retrofit retrofit;
  private final Authentication auth;
  private final int clientMaxRetries;
  private final Map<String, String> headers;
  private final boolean tokenInQuery;
  private final Map<Class<?>, Object> services = new ConcurrentHashMap<>();

  /**
   * @param headers the values of the spec's header parameters that the client sets, by name
   *     (User-Agent)
   * @param tokenInQuery whether no interceptor of an application runs before the SDK's, so that
   *     Retrofit may put the token into the URL (see {@link CallSettings#queryToken})
   */
  public CallContext(
      Retrofit retrofit,
      Authentication auth,
      int clientMaxRetries,
      Map<String, String> headers,
      boolean tokenInQuery) {
    this.retrofit = retrofit;
    this.tokenInQuery = tokenInQuery;
    this.auth = auth;
    this.clientMaxRetries = clientMaxRetries;
    this.headers = Map.copyOf(headers);
  }

  /** The client's value of the spec's header parameter {@code name}; null to leave it out. */
  public @Nullable String header(String name) {
    return headers.get(name);
  }

  /** The generated Retrofit service {@code type}, made once. */
  public <A> A api(Class<A> type) {
    return type.cast(services.computeIfAbsent(type, retrofit::create));
  }

  /**
   * The settings of one call of {@code operation}: the resource's {@code defaults} (a derived
   * client's or resource's options), then the call's own {@code options}.
   *
   * @throws IllegalArgumentException if {@code options} would replace one of the operation's own
   *     query parameters
   */
  public CallSettings settings(
      Operation operation, RequestOptions defaults, RequestOptions options) {
    Objects.requireNonNull(options, "options == null");
    RequestOptions merged = CallSettings.merge(defaults, options);
    for (String own : operation.ownQueryParameters()) {
      if (merged.queryParams().containsKey(own)) {
        throw new IllegalArgumentException(
            "query parameter "
                + own
                + " is a parameter of "
                + operation
                + ": set it on the operation's params, not in RequestOptions");
      }
    }
    return new CallSettings(operation, merged, clientMaxRetries, tokenInQuery);
  }

  /** Runs the call that {@code request} makes for the client's token, blocking. */
  public <T extends Envelope> RawResponse<T> execute(
      CallSettings settings, Function<String, Call<T>> request) {
    return auth.execute(settings, request);
  }

  /** Runs the call that {@code request} makes for the client's token, without blocking. */
  public <T extends Envelope> CompletableFuture<RawResponse<T>> executeAsync(
      CallSettings settings, Function<String, Call<T>> request) {
    return auth.executeAsync(settings, request);
  }

  /**
   * Returns {@code value}, the field {@code field} of a successful answer, which the operation
   * promises to its callers.
   *
   * @throws MalformedResponseException if the answer did not carry it
   */
  public <T> T present(@Nullable T value, Operation operation, String field) {
    if (value == null) {
      throw new MalformedResponseException(
          "a successful " + operation.id() + " answer has no " + field, "$." + field, "", null);
    }
    return value;
  }
}
