package io.github.yeastarsdk.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.yeastarsdk.AutoPager;
import io.github.yeastarsdk.Conference;
import io.github.yeastarsdk.ConferenceListParams;
import io.github.yeastarsdk.ConferenceService;
import io.github.yeastarsdk.Page;
import io.github.yeastarsdk.PagingOptions;
import io.github.yeastarsdk.RawResponse;
import io.github.yeastarsdk.RequestOptions;
import io.github.yeastarsdk.errors.ApiError;
import io.github.yeastarsdk.errors.TokenExpiredException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

/**
 * An integrator's test double of the SDK, outside its package and with its public API only: a
 * {@link ConferenceService} that answers from a list, whose auto-paging comes from the interface's
 * own default methods and {@link Page#of}.
 */
class FakeConferenceServiceTest {
  /** Seven conferences, served three to a page by the fake. */
  private static final List<Conference> ROOMS =
      IntStream.rangeClosed(1, 7)
          .mapToObj(i -> new Conference(i, "Room " + i, String.valueOf(6500 + i), List.of()))
          .toList();

  /** What an integrator writes: the methods without a body, nothing of the SDK's internals. */
  static class FakeConferences implements ConferenceService {
    final List<Integer> pagesAsked = new ArrayList<>();

    @Override
    public Page<Conference> list(ConferenceListParams params, RequestOptions options) {
      return listAsync(params, options).join();
    }

    @Override
    public CompletableFuture<Page<Conference>> listAsync(
        ConferenceListParams params, RequestOptions options) {
      pagesAsked.add(params.page());
      int from = Math.min(ROOMS.size(), (params.page() - 1) * params.pageSize());
      int to = Math.min(ROOMS.size(), from + params.pageSize());
      return CompletableFuture.completedFuture(
          Page.of(
              ROOMS.subList(from, to),
              ROOMS.size(),
              params.page(),
              params.pageSize(),
              number -> listAsync(params.withPage(number), options)));
    }

    @Override
    public WithRawResponse withRawResponse() {
      return new WithRawResponse() {
        @Override
        public RawResponse<Page<Conference>> list(
            ConferenceListParams params, RequestOptions options) {
          return new RawResponse<>(200, Headers.of(), FakeConferences.this.list(params, options));
        }

        @Override
        public CompletableFuture<RawResponse<Page<Conference>>> listAsync(
            ConferenceListParams params, RequestOptions options) {
          return CompletableFuture.completedFuture(list(params, options));
        }
      };
    }

    @Override
    public ConferenceService withOptions(RequestOptions options) {
      return this;
    }
  }

  @Test
  void aFakeBuiltFromThePublicApiPagesLikeTheSdk() {
    FakeConferences fake = new FakeConferences();
    ConferenceListParams params = ConferenceListParams.builder().pageSize(3).build();
    AutoPager<Conference> all = fake.listAll(params);
    assertThat(all.stream().map(Conference::id).toList()).containsExactly(1, 2, 3, 4, 5, 6, 7);
    assertThat(fake.pagesAsked).containsExactly(1, 2, 3);

    Page<Conference> first = fake.list(params);
    assertThat(first.hasNextPage()).isTrue();
    assertThat(first.nextPage().items()).extracting(Conference::id).containsExactly(4, 5, 6);
    assertThat(fake.withRawResponse().list(params).statusCode()).isEqualTo(200);
    assertThat(fake.listAll(params, PagingOptions.pagesInFlight(2))).hasSize(7);
  }

  @Test
  void aFakeCanFailAsTheSdkDoes() {
    ConferenceService failing =
        new FakeConferences() {
          @Override
          public CompletableFuture<Page<Conference>> listAsync(
              ConferenceListParams params, RequestOptions options) {
            return CompletableFuture.failedFuture(
                new TokenExpiredException(ApiError.of(10004, "TOKEN EXPIRED")));
          }
        };
    assertThatThrownBy(
            () -> failing.listAll(ConferenceListParams.builder().build()).iterator().next())
        .isInstanceOf(TokenExpiredException.class)
        .hasMessage("errcode 10004 TOKEN EXPIRED");
  }
}
