package io.github.yeastarsdk.bench;

import io.github.yeastarsdk.Conference;
import io.github.yeastarsdk.ConferenceListParams;
import io.github.yeastarsdk.PagingOptions;
import io.github.yeastarsdk.YeastarClient;
import io.github.yeastarsdk.bench.stock.ApiClient;
import io.github.yeastarsdk.bench.stock.api.ConferencesApi;
import io.github.yeastarsdk.bench.stock.model.ConferenceListResponse;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Listing 10,000 conferences in pages of 100 from a server that takes 20 ms per answer, for a
 * caller that spends about 10 ms on each page: the SDK's auto-pager, which fetches the next page
 * (or, opted in, the next four) while the caller works, against a plain loop over the stock
 * generated client.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
// A fixed heap, so that GC sizing does not vary between forks on a 2-core machine.
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class ListingBenchmark {
  static final int TOTAL = 10_000;
  static final int PAGE_SIZE = 100;
  static final long SERVER_MS = 20;
  static final long CONSUMER_MS_PER_PAGE = 10;

  /** ceil(TOTAL / PAGE_SIZE): every listing must make exactly this many requests. */
  static final int EXPECTED_REQUESTS = (TOTAL + PAGE_SIZE - 1) / PAGE_SIZE;

  private LoopbackServer server;
  private YeastarClient sdk;
  private ConferencesApi stock;

  @Setup
  public void setUp() throws IOException {
    server = new LoopbackServer(TOTAL, SERVER_MS);
    sdk = YeastarClient.builder().baseUrl(server.baseUrl()).accessToken("bench-token").build();
    ApiClient client = new ApiClient("access_token", "bench-token");
    client.getAdapterBuilder().baseUrl(server.baseUrl());
    stock = client.createService(ConferencesApi.class);
  }

  @Setup(Level.Invocation)
  public void resetCount() {
    server.resetRequests();
  }

  @TearDown(Level.Invocation)
  public void checkRequestCount() {
    if (server.requests() != EXPECTED_REQUESTS) {
      throw new IllegalStateException(
          "the listing made " + server.requests() + " requests, not " + EXPECTED_REQUESTS);
    }
  }

  @TearDown
  public void tearDown() {
    sdk.close();
    server.close();
  }

  /** The caller's work on one item; about 10 ms for a page of 100. */
  static void consume(int index) throws InterruptedException {
    if (index % PAGE_SIZE == PAGE_SIZE - 1) {
      Thread.sleep(CONSUMER_MS_PER_PAGE);
    }
  }

  @Benchmark
  public int sdkAutoPager() throws InterruptedException {
    int seen = 0;
    for (Conference conference :
        sdk.conferences().listAll(ConferenceListParams.builder().pageSize(PAGE_SIZE).build())) {
      consume(seen++);
    }
    return check(seen);
  }

  @Benchmark
  public int sdkAutoPagerFourInFlight() throws InterruptedException {
    int seen = 0;
    for (Conference conference :
        sdk.conferences()
            .listAll(
                ConferenceListParams.builder().pageSize(PAGE_SIZE).build(),
                PagingOptions.pagesInFlight(4))) {
      consume(seen++);
    }
    return check(seen);
  }

  @Benchmark
  public int stockSequentialLoop() throws IOException, InterruptedException {
    int seen = 0;
    for (int page = 1; ; page++) {
      ConferenceListResponse response =
          stock.listConferences("bench", page, PAGE_SIZE, null, null).execute().body();
      for (int i = 0; i < response.getData().size(); i++) {
        consume(seen++);
      }
      if ((long) page * PAGE_SIZE >= response.getTotalNumber()) {
        break;
      }
    }
    return check(seen);
  }

  private static int check(int seen) {
    if (seen != TOTAL) {
      throw new IllegalStateException("listed " + seen + " conferences, not " + TOTAL);
    }
    return seen;
  }
}
