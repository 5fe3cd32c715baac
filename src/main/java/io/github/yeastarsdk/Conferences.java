package io.github.yeastarsdk;

import java.util.concurrent.CompletableFuture;

/** The scheduled conferences of the PBX. Get it from {@link YeastarClient#conferences()}. */
public final class Conferences {
  private final YeastarApi api;
  private final Authentication auth;

  Conferences(YeastarApi api, Authentication auth) {
    this.api = api;
    this.auth = auth;
  }

  /**
   * Returns one page of conferences.
   *
   * @throws YeastarException if the call fails; {@link ApiErrorException} if the PBX refuses it
   * @throws IllegalStateException if the client is closed
   */
  public Page<Conference> list(ConferenceListParams params) {
    return toPage(auth.execute(token -> params.call(api, token)), params);
  }

  /**
   * Returns page {@code page} (from 1) of {@code pageSize} conferences, in the PBX's order.
   *
   * @throws IllegalArgumentException if {@code page} or {@code pageSize} is below 1
   * @throws YeastarException if the call fails
   */
  public Page<Conference> list(int page, int pageSize) {
    return list(ConferenceListParams.builder().page(page).pageSize(pageSize).build());
  }

  /** Returns one page of conferences without blocking the caller. */
  public CompletableFuture<Page<Conference>> listAsync(ConferenceListParams params) {
    CompletableFuture<ConferenceListResponse> response =
        auth.executeAsync(token -> params.call(api, token));
    // Cancelling the page must cancel the call: a derived future does not pass it back.
    return CompletableFutures.onCancel(
        response.thenApply(r -> toPage(r, params)), () -> response.cancel(true));
  }

  /**
   * Returns every conference from {@code params.page()} on, fetching pages of {@code
   * params.pageSize()} as the caller iterates.
   */
  public AutoPager<Conference> listAll(ConferenceListParams params) {
    return new AutoPager<>(() -> listAsync(params));
  }

  /**
   * As {@link #listAll(ConferenceListParams)}, with up to {@code paging.pagesInFlight()} pages
   * fetched at once once the first page has given the total.
   */
  public AutoPager<Conference> listAll(ConferenceListParams params, PagingOptions paging) {
    return new AutoPager<>(() -> listAsync(params), paging);
  }

  private Page<Conference> toPage(ConferenceListResponse response, ConferenceListParams params) {
    return new Page<>(
        response.data(),
        response.totalNumber(),
        params.page(),
        params.pageSize(),
        page -> listAsync(params.withPage(page)));
  }
}
