package io.github.yeastarsdk.internal;

import io.github.yeastarsdk.RequestOptions;
import io.github.yeastarsdk.errors.CallDetails;
import io.github.yeastarsdk.errors.YeastarException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;

/**
 * Everything that one call is made with, in one place: the operation, and the options that apply to
 * it (the client's defaults, then the resource's, then the call's own, each overriding the one
 * before). The call's timeout is set on its {@link Call} here, its extra headers and query
 * parameters are put on each attempt's request here (by {@link CallSettingsInterceptor}, from the
 * request's tag), and {@link CallExecutor} reads its retry count here.
 */
public final class CallSettings {
  private final Operation operation;
  private final RequestOptions options;
  private final int maxRetries;
  private final @Nullable String tokenParameter;
  private final @Nullable String token;
  private final boolean tokenInQuery;
  private final int priorAttempts;
  private final Duration priorElapsed;

  /**
   * @param tokenInQuery whether Retrofit puts the token into the URL with the operation's other
   *     query parameters ({@link #queryToken}): only when no interceptor of an application runs
   *     before the SDK's, which would see it. Otherwise {@link CallSettingsInterceptor} adds it.
   */
  CallSettings(
      Operation operation, RequestOptions options, int clientMaxRetries, boolean tokenInQuery) {
    this(
        operation,
        options,
        options.maxRetries().orElse(clientMaxRetries),
        null,
        null,
        tokenInQuery,
        0,
        Duration.ZERO);
  }

  private CallSettings(
      Operation operation,
      RequestOptions options,
      int maxRetries,
      @Nullable String tokenParameter,
      @Nullable String token,
      boolean tokenInQuery,
      int priorAttempts,
      Duration priorElapsed) {
    this.operation = operation;
    this.options = options;
    this.maxRetries = maxRetries;
    this.tokenParameter = tokenParameter;
    this.token = token;
    this.tokenInQuery = tokenInQuery;
    this.priorAttempts = priorAttempts;
    this.priorElapsed = priorElapsed;
  }

  /**
   * These settings for the same call sent again after {@code failure} (with a renewed token): its
   * attempts and time count towards what a later failure reports.
   */
  public CallSettings after(YeastarException failure) {
    CallDetails before = failure.call().orElse(null);
    if (before == null) {
      return this;
    }
    return new CallSettings(
        operation,
        options,
        maxRetries,
        tokenParameter,
        token,
        tokenInQuery,
        before.attempts(),
        before.elapsed());
  }

  /** Attempts that this call made before these settings, with an earlier token. */
  int priorAttempts() {
    return priorAttempts;
  }

  /** The time that this call spent before these settings, with an earlier token. */
  Duration priorElapsed() {
    return priorElapsed;
  }

  /**
   * These settings with the access token that the request carries as query parameter {@code
   * parameter}. Unless Retrofit puts it into the URL ({@link #queryToken}), it is put on the
   * request last, after every interceptor of an application's own OkHttpClient has run, so that
   * none of them (nor their logs) sees it.
   */
  public CallSettings withToken(String parameter, String token) {
    return new CallSettings(
        operation,
        options,
        maxRetries,
        parameter,
        token,
        tokenInQuery,
        priorAttempts,
        priorElapsed);
  }

  /**
   * The value of the operation's token query parameter as Retrofit should send it: {@code token}
   * when no interceptor of an application can see the request (one URL built per call), else null,
   * which Retrofit leaves out and {@link CallSettingsInterceptor} adds after them.
   */
  public @Nullable String queryToken(String token) {
    return tokenInQuery ? token : null;
  }

  /**
   * Returns {@code defaults} overridden by {@code options}: a value set in {@code options} wins;
   * headers and query parameters are merged by name, {@code options}' values replacing those of the
   * same name.
   */
  public static RequestOptions merge(RequestOptions defaults, RequestOptions options) {
    Objects.requireNonNull(defaults, "defaults == null");
    Objects.requireNonNull(options, "options == null");
    // Most calls set no options of their own: no copy of the defaults for them.
    if (isEmpty(options)) {
      return defaults;
    }
    if (isEmpty(defaults)) {
      return options;
    }
    RequestOptions.Builder merged = defaults.toBuilder();
    options.timeout().ifPresent(merged::timeout);
    options.maxRetries().ifPresent(merged::maxRetries);
    options
        .headers()
        .forEach(
            (name, values) -> {
              merged.removeHeader(name);
              values.forEach(value -> merged.putHeader(name, value));
            });
    options
        .queryParams()
        .forEach(
            (name, values) -> {
              merged.removeQueryParam(name);
              values.forEach(value -> merged.putQueryParam(name, value));
            });
    return merged.build();
  }

  /** The operation this call is an instance of. */
  public Operation operation() {
    return operation;
  }

  /** How many times a failed attempt may be repeated: at most {@code maxRetries() + 1} requests. */
  public int maxRetries() {
    return maxRetries;
  }

  /** Whether a transient failure of this call may be tried again at all. */
  public boolean retryable() {
    return maxRetries > 0 && operation.repeatable();
  }

  /** The whole-call timeout of this call, or null for the client's. */
  public @Nullable Duration timeout() {
    return options.timeout().orElse(null);
  }

  /** Sets this call's own timeout, if it has one, on an attempt before it starts. */
  public <T> Call<T> applyTimeout(Call<T> call) {
    Duration timeout = timeout();
    if (timeout != null) {
      call.timeout().timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
    return call;
  }

  /** The request with this call's extra headers and query parameters, and its token. */
  Request applyTo(Request request) {
    Map<String, List<String>> headers = options.headers();
    Map<String, List<String>> query = options.queryParams();
    String token = tokenInQuery ? null : this.token;
    if (headers.isEmpty() && query.isEmpty() && token == null) {
      return request;
    }
    Request.Builder result = request.newBuilder();
    headers.forEach(
        (name, values) -> {
          result.removeHeader(name);
          values.forEach(value -> result.addHeader(name, value));
        });
    if (!query.isEmpty() || token != null) {
      HttpUrl original = request.url();
      HttpUrl.Builder url = original.newBuilder();
      if (token != null && tokenParameter != null) {
        // The token first in the query, where the PBX's guide puts it.
        url.query(null).addQueryParameter(tokenParameter, token);
        for (int i = 0; i < original.querySize(); i++) {
          url.addQueryParameter(original.queryParameterName(i), original.queryParameterValue(i));
        }
      }
      query.forEach(
          (name, values) -> {
            url.removeAllQueryParameters(name);
            values.forEach(value -> url.addQueryParameter(name, value));
          });
      result.url(url.build());
    }
    return result.build();
  }

  /**
   * Whether {@link #applyTo} puts the token on the request: then the response must not name that
   * request to an application's interceptors.
   */
  boolean addsToken() {
    return !tokenInQuery && token != null;
  }

  private static boolean isEmpty(RequestOptions options) {
    return options.timeout().isEmpty()
        && options.maxRetries().isEmpty()
        && options.headers().isEmpty()
        && options.queryParams().isEmpty();
  }

  @Override
  public String toString() {
    // Never the token.
    return "CallSettings(" + operation.id() + ", " + options + ")";
  }
}
