package io.github.yeastarsdk;

import static io.github.yeastarsdk.TestServers.client;
import static io.github.yeastarsdk.TestServers.error;
import static io.github.yeastarsdk.TestServers.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.yeastarsdk.errors.TokenExpiredException;
import java.io.IOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PaginationTest {
  private final MockWebServer server = new MockWebServer();

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  /** Serves {@code pages.apply(n)} for a request of page n. */
  private void serve(IntFunction<MockResponse> pages) {
    TestServers.serve(server, pages);
  }

  /** A PBX holding {@code total} conferences, answering pages of {@code size}. */
  private void serveConferences(int total, int size) {
    serve(
        n -> page(total, (n - 1) * size + 1, Math.max(0, Math.min(size, total - (n - 1) * size))));
  }

  private static ConferenceListParams pageSize(int size) {
    return ConferenceListParams.builder().pageSize(size).build();
  }

  @Test
  void autoPagerFetchesExactlyCeilOfTotalOverPageSize() {
    serveConferences(25, 10);
    try (YeastarClient pbx = client(server).build()) {
      assertThat(pbx.conferences().listAll(pageSize(10)))
          .extracting(Conference::id)
          .containsExactlyElementsOf(
              java.util.stream.IntStream.rangeClosed(1, 25).boxed().toList());
    }
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void exactMultipleOfThePageSizeNeedsNoExtraRequest() {
    serveConferences(20, 10);
    try (YeastarClient pbx = client(server).build()) {
      assertThat(pbx.conferences().listAll(pageSize(10)).stream().count()).isEqualTo(20);
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void emptyPageEndsTheListingEvenIfTheTotalSaysMore() {
    serve(n -> n <= 2 ? page(1000, (n - 1) * 10 + 1, 10) : page(1000, 0, 0));
    try (YeastarClient pbx = client(server).build()) {
      assertThat(pbx.conferences().listAll(pageSize(10)).stream().count()).isEqualTo(20);
    }
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void totalEndsTheListingEvenIfTheServerKeepsSendingPages() {
    serve(n -> page(20, (n - 1) * 10 + 1, 10));
    try (YeastarClient pbx = client(server).build()) {
      assertThat(pbx.conferences().listAll(pageSize(10)).stream().count()).isEqualTo(20);
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void nextPageIsRequestedWhileTheCurrentOneIsConsumed() throws Exception {
    serveConferences(30, 10);
    try (YeastarClient pbx = client(server).build()) {
      Iterator<Conference> conferences = pbx.conferences().listAll(pageSize(10)).iterator();
      assertThat(conferences.next().id()).isEqualTo(1);
      // The caller holds the first item of page 1; page 2 is already on its way.
      assertThat(server.takeRequest(5, TimeUnit.SECONDS).getRequestUrl().queryParameter("page"))
          .isEqualTo("1");
      assertThat(server.takeRequest(5, TimeUnit.SECONDS).getRequestUrl().queryParameter("page"))
          .isEqualTo("2");
      // ...but not page 3: at most two pages are held.
      assertThat(server.takeRequest(200, TimeUnit.MILLISECONDS)).isNull();
    }
  }

  @Test
  void failureOnALaterPageSurfacesAsItsTypedException() {
    serve(n -> n == 1 ? page(20, 1, 10) : error(10004, "TOKEN EXPIRED"));
    try (YeastarClient pbx = client(server).build()) {
      Iterator<Conference> conferences = pbx.conferences().listAll(pageSize(10)).iterator();
      for (int i = 0; i < 10; i++) {
        conferences.next();
      }
      assertThatThrownBy(conferences::hasNext).isInstanceOf(TokenExpiredException.class);
    }
  }

  @Test
  void pageKnowsWhetherAnotherFollows() {
    serveConferences(3, 2);
    try (YeastarClient pbx = client(server).build()) {
      Page<Conference> first =
          pbx.conferences().list(ConferenceListParams.builder().page(1).pageSize(2).build());
      assertThat(first.totalNumber()).hasValue(3);
      assertThat(first.hasNextPage()).isTrue();
      Page<Conference> second = first.nextPage();
      assertThat(second.page()).isEqualTo(2);
      assertThat(second.items()).extracting(Conference::id).containsExactly(3);
      assertThat(second.hasNextPage()).isFalse();
      assertThatThrownBy(second::nextPage).isInstanceOf(NoSuchElementException.class);
    }
  }

  @Test
  void listingStartsAtTheRequestedPageAndKeepsSortAndOrder() throws Exception {
    serveConferences(30, 10);
    try (YeastarClient pbx = client(server).build()) {
      ConferenceListParams params =
          ConferenceListParams.builder()
              .page(2)
              .pageSize(10)
              .sortBy(ConferenceSortField.NAME)
              .orderBy(SortOrder.DESC)
              .build();
      assertThat(
              pbx.conferences().listAll(params).stream()
                  .map(Conference::id)
                  .collect(Collectors.toList()))
          .hasSize(20)
          .startsWith(11);
    }
    RecordedRequest first = server.takeRequest();
    RecordedRequest second = server.takeRequest();
    assertThat(second.getRequestUrl().queryParameter("page")).isEqualTo("3");
    assertThat(second.getRequestUrl().queryParameter("sort_by")).isEqualTo("name");
    assertThat(second.getRequestUrl().queryParameter("order_by")).isEqualTo("desc");
    assertThat(first.getRequestUrl().queryParameter("page")).isEqualTo("2");
  }
}
