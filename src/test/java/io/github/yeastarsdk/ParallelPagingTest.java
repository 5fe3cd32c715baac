package io.github.yeastarsdk;

import static io.github.yeastarsdk.TestServers.client;
import static io.github.yeastarsdk.TestServers.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ParallelPagingTest {
  private static final PagingOptions FOUR = PagingOptions.pagesInFlight(4);

  private final MockWebServer server = new MockWebServer();

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  /** Serves {@code pages.apply(n)} for a request of page n, from several threads at once. */
  private void serve(IntFunction<MockResponse> pages) {
    TestServers.serve(server, pages);
  }

  /** Page n of {@code total} conferences in pages of {@code size}. */
  private static MockResponse slice(int total, int size, int n) {
    int first = (n - 1) * size + 1;
    return page(total, first, Math.max(0, Math.min(size, total - first + 1)));
  }

  private static ConferenceListParams pageSize(int size) {
    return ConferenceListParams.builder().pageSize(size).build();
  }

  private static List<Integer> ids(int from, int to) {
    return IntStream.rangeClosed(from, to).boxed().toList();
  }

  /** The page numbers of the next requests the server saw, until none comes for a while. */
  private List<Integer> requestedPages() throws InterruptedException {
    List<Integer> pages = new ArrayList<>();
    RecordedRequest request;
    while ((request = server.takeRequest(300, TimeUnit.MILLISECONDS)) != null) {
      pages.add(Integer.parseInt(request.getRequestUrl().queryParameter("page")));
    }
    pages.sort(null);
    return pages;
  }

  @Test
  void itemsComeInOrderWhenLaterPagesArriveFirst() {
    // Page 2 is answered only once pages 3 to 5 have been asked for, so they arrive before it.
    CountDownLatch laterPagesAsked = new CountDownLatch(3);
    serve(
        n -> {
          if (n == 2) {
            await(laterPagesAsked);
          } else if (n >= 3 && n <= 5) {
            laterPagesAsked.countDown();
          }
          return slice(100, 10, n);
        });
    try (YeastarClient pbx = client(server).build()) {
      assertThat(pbx.conferences().listAll(pageSize(10), FOUR))
          .extracting(Conference::id)
          .containsExactlyElementsOf(ids(1, 100));
    }
    assertThat(laterPagesAsked.getCount())
        .as("pages 3 to 5 asked for while 2 was pending")
        .isZero();
    assertThat(server.getRequestCount()).isEqualTo(10);
  }

  @Test
  void makesExactlyCeilOfTotalOverPageSizeRequests() throws Exception {
    serve(n -> slice(995, 10, n));
    try (YeastarClient pbx = client(server).build()) {
      assertThat(pbx.conferences().listAll(pageSize(10), FOUR).stream().map(Conference::id))
          .containsExactlyElementsOf(ids(1, 995));
    }
    assertThat(requestedPages()).isEqualTo(ids(1, 100));
  }

  @Test
  void neverRunsMoreThanNPagesAheadOfTheCaller() throws Exception {
    serve(n -> slice(1000, 10, n));
    try (YeastarClient pbx = client(server).build()) {
      Iterator<Conference> conferences = pbx.conferences().listAll(pageSize(10), FOUR).iterator();
      for (int i = 0; i < 11; i++) {
        conferences.next();
      }
      // The caller is on page 2 and pulls no more: pages 3 to 6 are in flight, nothing beyond.
      assertThat(requestedPages()).isEqualTo(ids(1, 6));
    }
  }

  @Test
  void closingTheStreamCancelsThePagesInFlight() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger started = new AtomicInteger();
    AtomicInteger cancelled = new AtomicInteger();
    serve(
        n -> {
          if (n > 1) {
            await(release);
          }
          return slice(1000, 10, n);
        });
    OkHttpClient okHttp =
        new OkHttpClient.Builder()
            .eventListener(
                new EventListener() {
                  @Override
                  public void callStart(Call call) {
                    started.incrementAndGet();
                  }

                  @Override
                  public void canceled(Call call) {
                    cancelled.incrementAndGet();
                  }
                })
            .build();
    try (YeastarClient pbx = client(server).okHttpClient(okHttp).build()) {
      try (Stream<Conference> conferences =
          pbx.conferences().listAll(pageSize(10), FOUR).stream()) {
        assertThat(conferences.limit(5).map(Conference::id)).containsExactlyElementsOf(ids(1, 5));
      }
      // A fetch still queued when the stream closed makes no call at all; every call that
      // started after page 1 is cancelled. Cancellation may finish on a dispatcher thread.
      awaitUntil(() -> cancelled.get() == started.get() - 1);
      assertThat(started.get()).as("calls started").isBetween(1, 5);
      assertThat(cancelled.get())
          .as("calls cancelled by closing the stream")
          .isEqualTo(started.get() - 1);
    } finally {
      release.countDown();
    }
    // Cancelled calls may or may not have reached the server; none beyond page 5 was made.
    assertThat(requestedPages()).contains(1).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(5));
  }

  @Test
  void aChangedTotalFallsBackToOnePageAtATime() throws Exception {
    // The list grows from 100 to 120 conferences while it is listed: page 3 on say so.
    serve(n -> slice(n <= 2 ? 100 : 120, 10, n));
    try (YeastarClient pbx = client(server).build()) {
      Iterator<Conference> conferences = pbx.conferences().listAll(pageSize(10), FOUR).iterator();
      List<Integer> seen = new ArrayList<>();
      for (int i = 0; i < 71; i++) {
        seen.add(conferences.next().id());
      }
      // Pages 4 to 6 were already asked for; after them, one page ahead: the caller is on page
      // 8 and page 9 is the only one in flight (four ahead would have reached page 12).
      assertThat(requestedPages()).isEqualTo(ids(1, 9));
      conferences.forEachRemaining(c -> seen.add(c.id()));
      assertThat(seen).isEqualTo(ids(1, 120));
    }
    assertThat(requestedPages()).isEqualTo(ids(10, 12));
  }

  @Test
  void aShortPageFallsBackToOnePageAtATime() throws Exception {
    // Five conferences of page 3 were deleted between the requests.
    serve(n -> n == 3 ? page(100, 21, 5) : slice(100, 10, n));
    try (YeastarClient pbx = client(server).build()) {
      List<Integer> seen = new ArrayList<>();
      pbx.conferences().listAll(pageSize(10), FOUR).forEach(c -> seen.add(c.id()));
      List<Integer> expected = new ArrayList<>(ids(1, 25));
      expected.addAll(ids(31, 100));
      assertThat(seen).isEqualTo(expected);
    }
    assertThat(requestedPages()).isEqualTo(ids(1, 10));
  }

  @Test
  void anEmptyPageEndsTheListingAndCancelsTheRest() throws Exception {
    serve(n -> n >= 4 ? page(1000, 0, 0) : slice(1000, 10, n));
    try (YeastarClient pbx = client(server).build()) {
      assertThat(pbx.conferences().listAll(pageSize(10), FOUR))
          .extracting(Conference::id)
          .containsExactlyElementsOf(ids(1, 30));
    }
    // Page 4 was empty; pages 5 to 7 had been asked for by then (and are cancelled, so the server
    // may not see them all), and no page after them.
    assertThat(requestedPages())
        .containsSequence(ids(1, 4))
        .allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(7));
  }

  @Test
  void withoutATotalPagesComeOneAtATime() throws Exception {
    serve(
        n ->
            TestServers.json(
                "{\"errcode\":0,\"errmsg\":\"SUCCESS\",\"data\":["
                    + (n <= 3 ? "{\"id\":" + n + ",\"name\":\"R\",\"number\":\"1\"}" : "")
                    + "]}"));
    try (YeastarClient pbx = client(server).build()) {
      assertThat(pbx.conferences().listAll(pageSize(1), FOUR))
          .extracting(Conference::id)
          .containsExactly(1, 2, 3);
    }
    assertThat(requestedPages()).isEqualTo(ids(1, 4));
  }

  @Test
  void pagesInFlightIsChecked() {
    assertThat(PagingOptions.defaults().pagesInFlight()).isEqualTo(1);
    assertThat(PagingOptions.pagesInFlight(1)).isEqualTo(PagingOptions.defaults());
    assertThatThrownBy(() -> PagingOptions.pagesInFlight(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pagesInFlight must be between 1 and 16, was 0");
    assertThatThrownBy(() -> PagingOptions.pagesInFlight(17))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("was 17");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits up to ten seconds for {@code condition}; the assertion after it says what failed. */
  private static void awaitUntil(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    for (int i = 0; i < 1000 && !condition.getAsBoolean(); i++) {
      Thread.sleep(10);
    }
  }
}
