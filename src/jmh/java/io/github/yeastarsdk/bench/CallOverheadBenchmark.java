package io.github.yeastarsdk.bench;

import io.github.yeastarsdk.BenchConverter;
import io.github.yeastarsdk.Conference;
import io.github.yeastarsdk.ConferenceListParams;
import io.github.yeastarsdk.Page;
import io.github.yeastarsdk.YeastarClient;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import retrofit2.Call;
import retrofit2.Converter;
import retrofit2.Retrofit;
import retrofit2.http.GET;
import retrofit2.http.Header;
import retrofit2.http.Query;

/**
 * One call against a loopback server: the SDK's {@code list()} against the least a caller could
 * write by hand, a raw OkHttp GET decoded as the SDK decodes (its converter), and two steps between
 * them that account for the difference: the raw GET on a client with the SDK's timeouts (OkHttp
 * watches a call timeout from a thread of its own), and the same GET made by Retrofit from an
 * interface. What is left above that is the SDK's own cost: its interceptors, call settings, retry
 * loop, errcode check and page.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
// A fixed heap, so that GC sizing does not vary between forks on a 2-core machine.
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class CallOverheadBenchmark {
  private static final String TOKEN = "bench-token";

  private LoopbackServer server;
  private YeastarClient sdk;
  private OkHttpClient raw;
  private OkHttpClient timed;
  private RetrofitList retrofit;
  private HttpUrl url;
  private Converter<ResponseBody, ?> converter;

  @Setup
  public void setUp() throws IOException {
    server = new LoopbackServer(10, 0);
    sdk = YeastarClient.builder().baseUrl(server.baseUrl()).accessToken(TOKEN).build();
    raw = new OkHttpClient();
    // The SDK's default timeouts, and its other settings that change how OkHttp runs a call.
    timed =
        new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(10))
            .readTimeout(Duration.ofSeconds(30))
            .callTimeout(Duration.ofSeconds(60))
            .followRedirects(false)
            .retryOnConnectionFailure(false)
            .build();
    retrofit =
        new Retrofit.Builder()
            .baseUrl(server.baseUrl())
            .client(timed)
            .build()
            .create(RetrofitList.class);
    url = HttpUrl.get(server.baseUrl() + "openapi/v1.0/conference/list");
    converter = BenchConverter.conferenceList();
  }

  @TearDown
  public void tearDown() throws IOException {
    sdk.close();
    for (OkHttpClient client : new OkHttpClient[] {raw, timed}) {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
    server.close();
  }

  @Benchmark
  public Page<Conference> sdkList() {
    return sdk.conferences().list(ConferenceListParams.builder().page(1).pageSize(10).build());
  }

  @Benchmark
  public Object rawOkHttpAndMoshi() throws IOException {
    return get(raw);
  }

  @Benchmark
  public Object rawWithTimeouts() throws IOException {
    return get(timed);
  }

  private Object get(OkHttpClient client) throws IOException {
    // Built on every call, as a caller writing it by hand would.
    HttpUrl url =
        this.url
            .newBuilder()
            .addQueryParameter("page", "1")
            .addQueryParameter("page_size", "10")
            .addQueryParameter("access_token", TOKEN)
            .build();
    Request request = new Request.Builder().url(url).header("User-Agent", "bench").build();
    try (Response response = client.newCall(request).execute()) {
      return converter.convert(response.body());
    }
  }

  /** The same GET as a Retrofit interface method, as the SDK's generated interface declares it. */
  interface RetrofitList {
    @GET("openapi/v1.0/conference/list")
    Call<ResponseBody> list(
        @Header("User-Agent") String userAgent,
        @Query("page") int page,
        @Query("page_size") int pageSize,
        @Query("access_token") String token);
  }

  @Benchmark
  public Object retrofitWithTimeouts() throws IOException {
    try (ResponseBody body = retrofit.list("bench", 1, 10, TOKEN).execute().body()) {
      return converter.convert(body);
    }
  }
}
