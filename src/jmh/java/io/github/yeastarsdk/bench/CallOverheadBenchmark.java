package io.github.yeastarsdk.bench;

import com.squareup.moshi.JsonAdapter;
import io.github.yeastarsdk.BenchWire;
import io.github.yeastarsdk.Conference;
import io.github.yeastarsdk.ConferenceListParams;
import io.github.yeastarsdk.Page;
import io.github.yeastarsdk.YeastarClient;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
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

/**
 * One call against a loopback server: the SDK's {@code list()} against the least a caller could
 * write by hand, a raw OkHttp GET decoded with the same adapters. The difference is the SDK's own
 * cost: its interceptors, argument checks, errcode check and page.
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
  private HttpUrl url;
  private JsonAdapter<?> adapter;

  @Setup
  public void setUp() throws IOException {
    server = new LoopbackServer(10, 0);
    sdk = YeastarClient.builder().baseUrl(server.baseUrl()).accessToken(TOKEN).build();
    raw = new OkHttpClient();
    url = HttpUrl.get(server.baseUrl() + "openapi/v1.0/conference/list");
    adapter = BenchWire.conferenceListAdapter();
  }

  @TearDown
  public void tearDown() throws IOException {
    sdk.close();
    raw.dispatcher().executorService().shutdown();
    raw.connectionPool().evictAll();
    server.close();
  }

  @Benchmark
  public Page<Conference> sdkList() {
    return sdk.conferences().list(ConferenceListParams.builder().page(1).pageSize(10).build());
  }

  @Benchmark
  public Object rawOkHttpAndMoshi() throws IOException {
    // Built on every call, as a caller writing it by hand would.
    HttpUrl url =
        this.url
            .newBuilder()
            .addQueryParameter("page", "1")
            .addQueryParameter("page_size", "10")
            .addQueryParameter("access_token", TOKEN)
            .build();
    Request request = new Request.Builder().url(url).header("User-Agent", "bench").build();
    try (Response response = raw.newCall(request).execute()) {
      return adapter.fromJson(response.body().source());
    }
  }
}
