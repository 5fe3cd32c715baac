package io.github.yeastarsdk;

import io.github.yeastarsdk.internal.Authentication;
import io.github.yeastarsdk.internal.CallContext;
import io.github.yeastarsdk.internal.CallExecutor;
import io.github.yeastarsdk.internal.CallSettingsInterceptor;
import io.github.yeastarsdk.internal.ExtensionServiceImpl;
import io.github.yeastarsdk.internal.FailureMapper;
import io.github.yeastarsdk.internal.FixtureErrcodes;
import io.github.yeastarsdk.internal.FixtureGeneratedJsonAdapters;
import io.github.yeastarsdk.internal.Redactor;
import io.github.yeastarsdk.internal.RetryPolicy;
import io.github.yeastarsdk.internal.Sleeper;
import io.github.yeastarsdk.internal.TokenSource;
import java.time.Clock;
import java.time.Duration;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * The fixture spec's generated resource, wired to a server as {@link YeastarClient} wires its own:
 * the one place where the tests reach into the machinery for the fixture, which has no client.
 */
public final class FixtureServices {
  private FixtureServices() {}

  /**
   * The fixture's {@code ExtensionService}, calling the server at {@code baseUrl} with a fixed
   * token.
   */
  public static ExtensionService extensions(HttpUrl baseUrl) {
    return extensions(baseUrl, TokenSource.of(() -> "fixture-token"));
  }

  /**
   * The fixture's {@code ExtensionService}, calling the server at {@code baseUrl} with {@code
   * tokens}.
   */
  static ExtensionService extensions(HttpUrl baseUrl, TokenSource tokens) {
    Redactor redactor = new Redactor();
    OkHttpClient okHttp =
        new OkHttpClient.Builder()
            .retryOnConnectionFailure(false)
            .addInterceptor(new CallSettingsInterceptor())
            .build();
    Retrofit retrofit =
        new Retrofit.Builder()
            .baseUrl(baseUrl)
            .client(okHttp)
            .addConverterFactory(
                new io.github.yeastarsdk.internal.ConformingConverterFactory(
                    MoshiConverterFactory.create(
                        YeastarJson.moshi()
                            .newBuilder()
                            .add(FixtureGeneratedJsonAdapters.INSTANCE)
                            .build())))
            .build();
    CallExecutor calls =
        new CallExecutor(
            new FailureMapper(redactor, FixtureErrcodes.failureAnswers(redactor)),
            new RetryPolicy(Duration.ZERO, Duration.ZERO, Clock.systemUTC()),
            redactor,
            Sleeper.SYSTEM,
            Clock.systemUTC(),
            okHttp.dispatcher().executorService());
    Authentication auth =
        new Authentication(tokens, calls, redactor, okHttp.dispatcher().executorService());
    return new ExtensionServiceImpl(
        new CallContext(retrofit, auth, 2, java.util.Map.of("User-Agent", "fixture-test"), false),
        RequestOptions.none());
  }
}
