package io.github.yeastarsdk;

import io.github.yeastarsdk.internal.Arguments;
import io.github.yeastarsdk.internal.Authentication;
import io.github.yeastarsdk.internal.BaseUrls;
import io.github.yeastarsdk.internal.CallContext;
import io.github.yeastarsdk.internal.CallExecutor;
import io.github.yeastarsdk.internal.CallSettingsInterceptor;
import io.github.yeastarsdk.internal.ConferenceServiceImpl;
import io.github.yeastarsdk.internal.ConformingConverterFactory;
import io.github.yeastarsdk.internal.Errcodes;
import io.github.yeastarsdk.internal.FailureMapper;
import io.github.yeastarsdk.internal.HttpLogSink;
import io.github.yeastarsdk.internal.HttpLogger;
import io.github.yeastarsdk.internal.OkHttpCopies;
import io.github.yeastarsdk.internal.OwnOkHttp;
import io.github.yeastarsdk.internal.Redactor;
import io.github.yeastarsdk.internal.RetryPolicy;
import io.github.yeastarsdk.internal.Sleeper;
import io.github.yeastarsdk.internal.TokenManager;
import io.github.yeastarsdk.internal.TokenSource;
import io.github.yeastarsdk.internal.YeastarApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * A client of one Yeastar P-Series PBX. Thread-safe: create one per PBX and share it; close it when
 * done to release its threads and connections.
 *
 * <pre>{@code
 * try (YeastarClient pbx = YeastarClient.builder()
 *     .baseUrl("https://yeastardocs.example.yeastarcloud.com")
 *     .accessToken(token)
 *     .build()) {
 *   for (Conference conference : pbx.conferences().listAll(ConferenceListParams.builder().build())) {
 *     System.out.println(conference.number() + " " + conference.name());
 *   }
 * }
 * }</pre>
 */
public final class YeastarClient implements AutoCloseable {
  /** {@code <artifactId>/<version>}, sent as User-Agent unless the builder sets another. */
  public static final String DEFAULT_USER_AGENT = defaultUserAgent();

  private final HttpUrl baseUrl;
  private final OkHttpClient okHttp;
  private final boolean ownsOkHttp;
  private final Authentication auth;
  private final CallContext context;
  private final ConferenceService conferences;

  /** Null for a client made by its builder; the client it was derived from otherwise. */
  private final @Nullable YeastarClient parent;

  private YeastarClient(Builder builder, HttpUrl baseUrl) {
    this.baseUrl = baseUrl;
    Redactor redactor = new Redactor();
    OkHttpCopies.warnOnce();
    this.ownsOkHttp = builder.okHttpClient == null;
    OkHttpClient.Builder base =
        ownsOkHttp ? OwnOkHttp.builder(baseUrl) : builder.okHttpClient.newBuilder();
    // The SDK's own interceptors, which every request passes, token requests included.
    List<Interceptor> own = new ArrayList<>();
    own.add(new CallSettingsInterceptor());
    own.addAll(builder.testInterceptors);
    own.add(new HttpLogger(builder.logLevel, builder.logSink, redactor));
    OkHttpClient.Builder http =
        base.connectTimeout(builder.connectTimeout)
            .readTimeout(builder.readTimeout)
            .callTimeout(builder.callTimeout)
            // The PBX never redirects; following a redirect would send the call elsewhere, and
            // a proxy's login page would come back as a malformed body instead of its status.
            .followRedirects(false)
            .followSslRedirects(false)
            // Retries have one home, CallExecutor: OkHttp's own silent retry on a failed
            // connection would add requests that maxRetries does not count.
            .retryOnConnectionFailure(false);
    // After an application's own interceptors (of a client passed in): the token is added by the
    // first of them, so that none of the application's, nor their logs, sees it; the logger is
    // last, so that every attempt is logged as sent (the token masked).
    own.forEach(http::addInterceptor);
    this.okHttp = http.build();
    Retrofit retrofit =
        new Retrofit.Builder()
            .baseUrl(baseUrl)
            .client(okHttp)
            .addConverterFactory(
                new ConformingConverterFactory(MoshiConverterFactory.create(YeastarJson.moshi())))
            .build();
    Executor executor = okHttp.dispatcher().executorService();
    CallExecutor calls =
        new CallExecutor(
            new FailureMapper(redactor, Errcodes.failureAnswers(redactor)),
            new RetryPolicy(builder.retryDelay, builder.maxRetryDelay, builder.clock),
            redactor,
            builder.sleeper,
            builder.clock,
            executor);
    TokenSource tokens =
        builder.clientId != null
            ? new TokenManager(
                tokenApi(retrofit, own),
                calls,
                redactor,
                builder.clientId,
                builder.clientSecret,
                builder.clock,
                builder.userAgent,
                builder.maxRetries)
            : TokenSource.of(builder.tokenSupplier);
    this.auth = new Authentication(tokens, calls, redactor, executor);
    // The User-Agent is a header parameter of every operation in the spec: Retrofit sets it, so
    // that an application's interceptors see it.
    this.context =
        new CallContext(
            retrofit,
            auth,
            builder.maxRetries,
            Map.of("User-Agent", builder.userAgent),
            // Retrofit may put the token in the URL unless an application's interceptor would
            // see it there.
            builder.okHttpClient == null || builder.okHttpClient.interceptors().isEmpty());
    this.conferences = new ConferenceServiceImpl(context, RequestOptions.none());
    this.parent = null;
  }

  private YeastarClient(YeastarClient parent, ConferenceService conferences) {
    this.baseUrl = parent.baseUrl;
    this.okHttp = parent.okHttp;
    this.ownsOkHttp = false;
    this.auth = parent.auth;
    this.context = parent.context;
    this.conferences = conferences;
    this.parent = parent;
  }

  /**
   * The token endpoints, on the same connections and threads but without an application's own
   * interceptors: their bodies carry the Client Secret and the tokens, which no interceptor or log
   * of the application may see.
   */
  private static YeastarApi tokenApi(Retrofit retrofit, List<Interceptor> own) {
    OkHttpClient.Builder sdkOnly = ((OkHttpClient) retrofit.callFactory()).newBuilder();
    sdkOnly.interceptors().retainAll(own);
    sdkOnly.networkInterceptors().clear();
    return retrofit.newBuilder().client(sdkOnly.build()).build().create(YeastarApi.class);
  }

  /**
   * Returns a client whose calls start from {@code options} (a call's own options still override
   * them one by one), sharing this client's connections, threads and token. Closing the derived
   * client does nothing; closing this one ends both.
   *
   * <pre>{@code
   * YeastarClient patient = pbx.withOptions(RequestOptions.builder().timeout(Duration.ofMinutes(2)).build());
   * }</pre>
   *
   * @param options the defaults of every call of the returned client
   * @return the derived client
   */
  public YeastarClient withOptions(RequestOptions options) {
    Objects.requireNonNull(options, "options == null");
    // The options add to this client's own: a client derived from a derived one keeps both.
    return new YeastarClient(parent != null ? parent : this, conferences.withOptions(options));
  }

  /**
   * Returns a builder; set the base URL and a token, or client credentials, then {@code build()}.
   *
   * @return a new builder with the defaults
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A client configured from environment variables: {@code PBX_BASE_URL}; {@code PBX_ACCESS_TOKEN},
   * or {@code PBX_CLIENT_ID} and {@code PBX_CLIENT_SECRET}; and optionally {@code PBX_LOG} ({@code
   * none}, {@code basic}, {@code headers} or {@code body}). To change other settings too, use
   * {@code builder().fromEnv()}.
   *
   * @return a client for the PBX that the environment names; close it when done
   * @throws IllegalStateException naming a required variable that is not set, or two that must not
   *     be set together
   * @throws IllegalArgumentException naming a variable whose value is not usable
   */
  public static YeastarClient fromEnv() {
    return builder().fromEnv().build();
  }

  /** {@link #fromEnv()} from {@code env} instead of the process's environment; for tests. */
  static YeastarClient fromEnv(Map<String, String> env) {
    return builder().fromEnv(env).build();
  }

  /**
   * The scheduled conferences of this PBX.
   *
   * @return the conferences resource, shared by every caller of this client
   */
  public ConferenceService conferences() {
    return conferences;
  }

  /**
   * The PBX's base URL.
   *
   * @return the base URL, without the API path
   */
  public String baseUrl() {
    return baseUrl.toString();
  }

  /** The OkHttpClient that carries API calls; for tests of connection and thread use. */
  OkHttpClient okHttp() {
    return okHttp;
  }

  /**
   * Ends the client: revokes what the client obtained and may still be live on the PBX (its access
   * token, or, past the access token's life, its refresh token), refuses later calls, cancels calls
   * in flight, stops the client's threads and closes its idle connections. A token given to the
   * builder is never revoked. A shared {@link OkHttpClient} given to the builder is left running:
   * its owner closes it. A client made by {@link #withOptions} owns nothing: closing it does
   * nothing.
   */
  @Override
  public void close() {
    if (parent != null) {
      // A derived client shares everything with the one it came from, which owns it.
      return;
    }
    auth.close();
    if (ownsOkHttp) {
      okHttp.dispatcher().cancelAll();
      okHttp.dispatcher().executorService().shutdown();
      okHttp.connectionPool().evictAll();
    }
  }

  @Override
  public String toString() {
    return "YeastarClient(" + baseUrl + ")";
  }

  private static String defaultUserAgent() {
    Properties properties = new Properties();
    try (InputStream in = YeastarClient.class.getResourceAsStream("sdk.properties")) {
      properties.load(Objects.requireNonNull(in, "sdk.properties is missing"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty("artifactId") + "/" + properties.getProperty("version");
  }

  /** Configures a {@link YeastarClient}. Only the base URL and a token are required. */
  public static final class Builder {
    private @Nullable String baseUrl;
    private String baseUrlSetting = "baseUrl";
    private @Nullable Supplier<String> tokenSupplier;
    private @Nullable String clientId;
    private @Nullable String clientSecret;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private String userAgent = DEFAULT_USER_AGENT;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);
    private Duration callTimeout = Duration.ofSeconds(60);
    private int maxRetries = 2;
    private Duration retryDelay = Duration.ofMillis(500);
    private Duration maxRetryDelay = Duration.ofSeconds(8);
    private @Nullable OkHttpClient okHttpClient;
    private final List<Interceptor> testInterceptors = new ArrayList<>();
    private HttpLogLevel logLevel = HttpLogLevel.NONE;
    private Consumer<String> logSink = HttpLogSink.SYSTEM_LOGGER;
    private boolean allowInsecureHttp;

    private Builder() {}

    /**
     * The PBX as {@code scheme://host[:port]}; the SDK adds {@code /openapi/v1.0}. Checked by
     * {@link #build()}.
     *
     * @param baseUrl the PBX's base URL, without a path
     * @return this builder
     */
    public Builder baseUrl(String baseUrl) {
      return baseUrl(Objects.requireNonNull(baseUrl, "baseUrl == null"), "baseUrl");
    }

    /** The base URL, and the setting it came from, which an error about it names. */
    Builder baseUrl(String baseUrl, String setting) {
      this.baseUrl = baseUrl;
      this.baseUrlSetting = setting;
      return this;
    }

    /**
     * Takes the base URL, the credentials and the log level from environment variables, as {@link
     * YeastarClient#fromEnv()} describes; settings made after this call override them.
     *
     * @return this builder
     * @throws IllegalStateException naming a required variable that is not set, or two that must
     *     not be set together
     * @throws IllegalArgumentException naming a variable whose value is not usable
     */
    public Builder fromEnv() {
      return fromEnv(System.getenv());
    }

    /** {@link #fromEnv()} from {@code env}; for tests, which must not depend on the real one. */
    Builder fromEnv(Map<String, String> env) {
      ClientEnvironment read = ClientEnvironment.read(Objects.requireNonNull(env, "env == null"));
      baseUrl(read.baseUrl(), ClientEnvironment.BASE_URL);
      if (read.accessToken() != null) {
        accessToken(read.accessToken());
      } else {
        clientCredentials(
            Objects.requireNonNull(read.clientId()), Objects.requireNonNull(read.clientSecret()));
      }
      if (read.logLevel() != null) {
        logLevel(read.logLevel());
      }
      return this;
    }

    /**
     * A fixed access token, which the client never renews or revokes. Replaces an access token,
     * supplier or client credentials set before: the last of the three settings wins, so that
     * {@code fromEnv()} can be overridden.
     *
     * @param accessToken the token
     * @return this builder
     * @throws IllegalArgumentException if {@code accessToken} is blank
     */
    public Builder accessToken(String accessToken) {
      Objects.requireNonNull(
          accessToken,
          "accessToken == null (from System.getenv(\"PBX_ACCESS_TOKEN\")? that variable is not"
              + " set; fromEnv() reads it and names what is missing)");
      if (accessToken.isBlank()) {
        throw new IllegalArgumentException("accessToken is blank");
      }
      return accessTokenSupplier(() -> accessToken);
    }

    /**
     * The application's Client ID and Client Secret: the client then gets its own access token on
     * first use, refreshes it before it expires, renews it once when the PBX answers 10004, and
     * revokes it on {@link #close()}. Replaces an access token or supplier set before.
     *
     * @param clientId the application's Client ID
     * @param clientSecret the application's Client Secret; never logged or shown
     * @return this builder
     * @throws IllegalArgumentException if either is blank
     */
    public Builder clientCredentials(String clientId, String clientSecret) {
      Objects.requireNonNull(clientId, "clientId == null");
      Objects.requireNonNull(clientSecret, "clientSecret == null");
      if (clientId.isBlank() || clientSecret.isBlank()) {
        throw new IllegalArgumentException("clientId and clientSecret must not be blank");
      }
      this.clientId = clientId;
      this.clientSecret = clientSecret;
      this.tokenSupplier = null;
      return this;
    }

    /**
     * An interceptor that runs among the SDK's own, on every request, token requests included
     * (which an application's interceptors never see); for tests, which steer the mock with it.
     */
    Builder testInterceptor(Interceptor interceptor) {
      testInterceptors.add(Objects.requireNonNull(interceptor, "interceptor == null"));
      return this;
    }

    /** Waits between retries; for tests, which count the pauses instead of sleeping. */
    Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    /**
     * The clock that token lifetimes, time spent and Retry-After dates are measured with; for
     * tests.
     */
    Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Asked for the access token before every request, so that it may renew it. Replaces an access
     * token or client credentials set before.
     *
     * @param supplier gives the current token; a call fails with {@link IllegalStateException} if
     *     it gives none
     * @return this builder
     */
    public Builder accessTokenSupplier(Supplier<String> supplier) {
      this.tokenSupplier = Objects.requireNonNull(supplier, "supplier == null");
      this.clientId = null;
      this.clientSecret = null;
      return this;
    }

    /**
     * The User-Agent that identifies the application to the PBX; default {@link
     * #DEFAULT_USER_AGENT}.
     *
     * @param userAgent printable text
     * @return this builder
     * @throws IllegalArgumentException if {@code userAgent} is blank or holds a control character
     */
    public Builder userAgent(String userAgent) {
      Objects.requireNonNull(userAgent, "userAgent == null");
      if (userAgent.isBlank() || userAgent.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
        throw new IllegalArgumentException("userAgent must be printable text, not blank");
      }
      this.userAgent = userAgent;
      return this;
    }

    /**
     * Time allowed to connect; default 10 s.
     *
     * @param timeout the time allowed, zero for no limit
     * @return this builder
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Arguments.nonNegative("connectTimeout", timeout);
      return this;
    }

    /**
     * Time allowed between bytes of a response; default 30 s.
     *
     * @param timeout the time allowed, zero for no limit
     * @return this builder
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = Arguments.nonNegative("readTimeout", timeout);
      return this;
    }

    /**
     * Time allowed for a whole call, retries included; default 60 s. {@link RequestOptions} can set
     * another for one call.
     *
     * @param timeout the time allowed, zero for no limit
     * @return this builder
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = Arguments.nonNegative("callTimeout", timeout);
      return this;
    }

    /**
     * Retries after a transient failure; default 2. {@link RequestOptions} can set another for one
     * call.
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
     * The first retry's pause, doubled on each retry up to {@code max}; default 0.5 s and 8 s.
     *
     * @param initial the pause before the first retry
     * @param max the longest pause
     * @return this builder
     * @throws IllegalArgumentException if either is negative
     */
    public Builder retryBackoff(Duration initial, Duration max) {
      this.retryDelay = Arguments.nonNegative("retryBackoff initial", initial);
      this.maxRetryDelay = Arguments.nonNegative("retryBackoff max", max);
      return this;
    }

    /**
     * An OkHttpClient to share connections and threads with; the SDK adds its interceptors to a
     * derived client, and {@link YeastarClient#close()} leaves this one running.
     *
     * @param client the client to share
     * @return this builder
     */
    public Builder okHttpClient(OkHttpClient client) {
      this.okHttpClient = Objects.requireNonNull(client, "client == null");
      return this;
    }

    /**
     * How much of each exchange to log; default none. The token is always redacted.
     *
     * @param level how much to log
     * @return this builder
     */
    public Builder logLevel(HttpLogLevel level) {
      this.logLevel = Objects.requireNonNull(level, "level == null");
      return this;
    }

    /**
     * Where the HTTP log goes; default the {@code System.Logger} named {@code
     * io.github.yeastarsdk}, at INFO, which SLF4J's and Log4j's {@code System.Logger} bridges pick
     * up.
     *
     * @param sink receives one record per exchange (the request and its answer or failure, lines
     *     separated by {@code \n}), already redacted
     * @return this builder
     */
    public Builder logSink(Consumer<String> sink) {
      this.logSink = Objects.requireNonNull(sink, "sink == null");
      return this;
    }

    /**
     * Allows {@code http://} to a host that is not loopback. Off by default: the token would cross
     * the network in clear.
     *
     * @param allow true to allow plain HTTP to any host
     * @return this builder
     */
    public Builder allowInsecureHttp(boolean allow) {
      this.allowInsecureHttp = allow;
      return this;
    }

    /**
     * Returns a client with these settings; close it when done.
     *
     * @return a new client, which makes no call until it is used
     * @throws IllegalStateException if the base URL or the credentials are missing
     * @throws IllegalArgumentException if the base URL is malformed, has a path, query or fragment,
     *     or is plain HTTP to a host other than loopback without {@link
     *     #allowInsecureHttp(boolean)}
     */
    public YeastarClient build() {
      if (baseUrl == null) {
        throw new IllegalStateException(
            "no base URL: call baseUrl(\"https://pbx.example.com:8088\"), or set PBX_BASE_URL"
                + " and use fromEnv()");
      }
      if (tokenSupplier == null && clientId == null) {
        throw new IllegalStateException(
            "no credentials: call accessToken(...), accessTokenSupplier(...) or"
                + " clientCredentials(...), or set PBX_ACCESS_TOKEN (or PBX_CLIENT_ID and"
                + " PBX_CLIENT_SECRET) and use fromEnv()");
      }
      HttpUrl url;
      try {
        url = BaseUrls.check(baseUrl, allowInsecureHttp);
      } catch (IllegalArgumentException e) {
        if (baseUrlSetting.equals("baseUrl")) {
          throw e;
        }
        throw new IllegalArgumentException(baseUrlSetting + ": " + e.getMessage(), e);
      }
      return new YeastarClient(this, url);
    }
  }
}
