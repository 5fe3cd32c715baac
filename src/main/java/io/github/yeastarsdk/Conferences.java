package io.github.yeastarsdk;

import java.util.concurrent.CompletableFuture;

/** The scheduled conferences of the PBX. Get it from {@link YeastarClient#conferences()}. */
public final class Conferences {
  private final ConferencesApi api;
  private final CallRunner runner;
  private final YeastarClient client;

  Conferences(ConferencesApi api, CallRunner runner, YeastarClient client) {
    this.api = api;
    this.runner = runner;
    this.client = client;
  }

  /** Returns one page of conferences. */
  public Page<Conference> list(ConferenceListParams params) {
    client.checkOpen();
    return toPage(runner.execute(call(params), Conferences::status), params);
  }

  /** Returns page {@code page} (from 1) of {@code pageSize} conferences, in the PBX's order. */
  public Page<Conference> list(int page, int pageSize) {
    return list(ConferenceListParams.builder().page(page).pageSize(pageSize).build());
  }

  /** Returns one page of conferences without blocking the caller. */
  public CompletableFuture<Page<Conference>> listAsync(ConferenceListParams params) {
    client.checkOpen();
    CompletableFuture<ConferenceListResponse> response =
        runner.executeAsync(call(params), Conferences::status);
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
   * fetched together after the first page has given the total.
   *
   * @throws NullPointerException if {@code paging} is null
   */
  public AutoPager<Conference> listAll(ConferenceListParams params, PagingOptions paging) {
    return new AutoPager<>(() -> listAsync(params), paging);
  }

  private retrofit2.Call<ConferenceListResponse> call(ConferenceListParams params) {
    return api.listConferences(
        client.userAgent(), params.page(), params.pageSize(), params.sortBy(), params.orderBy());
  }

  private Page<Conference> toPage(ConferenceListResponse response, ConferenceListParams params) {
    return new Page<>(
        response.data(),
        response.totalNumber(),
        params.page(),
        params.pageSize(),
        page -> listAsync(params.withPage(page)));
  }

  static CallRunner.Status status(ConferenceListResponse response) {
    return new CallRunner.Status(
        response.errcode(), response.errmsg(), response.invalidParamList());
  }
}
