package io.github.yeastarsdk;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The scheduled conferences of the PBX. Get it from {@link YeastarClient#conferences()}. Every
 * operation also takes {@link RequestOptions} for that call only; {@link #withRawResponse()} gives
 * the same operations with the answer's HTTP status and headers.
 *
 * <p>Every failure of a call is a {@link YeastarException}: the blocking operations throw it, the
 * asynchronous ones complete their future with it, and an {@link AutoPager} throws it from its
 * iteration. Arguments are never null.
 */
public final class Conferences {
  private final YeastarApi api;
  private final Authentication auth;
  private final WithRawResponse withRawResponse;

  Conferences(YeastarApi api, Authentication auth) {
    this.api = api;
    this.auth = auth;
    this.withRawResponse = new WithRawResponse();
  }

  /**
   * Returns one page of conferences.
   *
   * @param params which page to ask for, and how sorted
   * @return the page, with the way to the next one
   * @throws ApiErrorException if the PBX refuses the call (a non-zero {@code errcode}); its
   *     subclasses name the common reasons, such as {@link TokenExpiredException}
   * @throws HttpStatusException if something answered with an HTTP status other than 2xx
   * @throws MalformedResponseException if the answer is not the JSON that the spec describes
   * @throws TransportException if the PBX could not be reached, did not answer in time, or cut its
   *     answer short
   * @throws IllegalStateException if the client is closed
   */
  public Page<Conference> list(ConferenceListParams params) {
    return list(params, RequestOptions.none());
  }

  /**
   * Returns one page of conferences, with {@code options} for this call.
   *
   * @param params which page to ask for, and how sorted
   * @param options this call's own timeout, retries, headers or query parameters
   * @return the page, whose {@link Page#nextPage()} uses the same options
   * @throws ApiErrorException if the PBX refuses the call (a non-zero {@code errcode}); its
   *     subclasses name the common reasons, such as {@link TokenExpiredException}
   * @throws HttpStatusException if something answered with an HTTP status other than 2xx
   * @throws MalformedResponseException if the answer is not the JSON that the spec describes
   * @throws TransportException if the PBX could not be reached, did not answer in time, or cut its
   *     answer short
   * @throws IllegalStateException if the client is closed
   */
  public Page<Conference> list(ConferenceListParams params, RequestOptions options) {
    return withRawResponse.list(params, options).value();
  }

  /**
   * Returns page {@code page} (from 1) of {@code pageSize} conferences, in the PBX's order.
   *
   * @param page the page number, from 1
   * @param pageSize how many conferences a page holds, from 1
   * @return the page, with the way to the next one
   * @throws IllegalArgumentException if {@code page} or {@code pageSize} is below 1
   * @throws ApiErrorException if the PBX refuses the call (a non-zero {@code errcode}); its
   *     subclasses name the common reasons, such as {@link TokenExpiredException}
   * @throws HttpStatusException if something answered with an HTTP status other than 2xx
   * @throws MalformedResponseException if the answer is not the JSON that the spec describes
   * @throws TransportException if the PBX could not be reached, did not answer in time, or cut its
   *     answer short
   * @throws IllegalStateException if the client is closed
   */
  public Page<Conference> list(int page, int pageSize) {
    return list(ConferenceListParams.builder().page(page).pageSize(pageSize).build());
  }

  /**
   * Returns one page of conferences without blocking the caller.
   *
   * @param params which page to ask for, and how sorted
   * @return the page, or a future failed with what {@link #list(ConferenceListParams)} would throw;
   *     cancelling it cancels the call
   */
  public CompletableFuture<Page<Conference>> listAsync(ConferenceListParams params) {
    return listAsync(params, RequestOptions.none());
  }

  /**
   * Returns one page of conferences without blocking the caller, with {@code options}.
   *
   * @param params which page to ask for, and how sorted
   * @param options this call's own timeout, retries, headers or query parameters
   * @return the page, or a future failed with what {@link #list(ConferenceListParams,
   *     RequestOptions)} would throw; cancelling it cancels the call
   */
  public CompletableFuture<Page<Conference>> listAsync(
      ConferenceListParams params, RequestOptions options) {
    CompletableFuture<RawResponse<Page<Conference>>> raw =
        withRawResponse.listAsync(params, options);
    return CompletableFutures.onCancel(raw.thenApply(RawResponse::value), () -> raw.cancel(true));
  }

  /**
   * Returns every conference from {@code params.page()} on, fetching pages of {@code
   * params.pageSize()} as the caller iterates. No call is made until iteration starts.
   *
   * @param params the first page to ask for, the page size and the order
   * @return the conferences; its iteration throws what {@link #list(ConferenceListParams)} throws
   */
  public AutoPager<Conference> listAll(ConferenceListParams params) {
    return listAll(params, RequestOptions.none());
  }

  /**
   * Like {@link #listAll(ConferenceListParams)}, with {@code options} for every page's call.
   *
   * @param params the first page to ask for, the page size and the order
   * @param options every page call's own timeout, retries, headers or query parameters
   * @return the conferences; its iteration throws what {@link #list(ConferenceListParams)} throws
   */
  public AutoPager<Conference> listAll(ConferenceListParams params, RequestOptions options) {
    return listAll(params, options, PagingOptions.defaults());
  }

  /**
   * Like {@link #listAll(ConferenceListParams)}, with up to {@code paging.pagesInFlight()} pages
   * fetched together after the first page has given the total.
   *
   * @param params the first page to ask for, the page size and the order
   * @param paging how many pages may be fetched at once
   * @return the conferences; its iteration throws what {@link #list(ConferenceListParams)} throws
   */
  public AutoPager<Conference> listAll(ConferenceListParams params, PagingOptions paging) {
    return listAll(params, RequestOptions.none(), paging);
  }

  /**
   * Like {@link #listAll(ConferenceListParams, PagingOptions)}, with {@code options} for every
   * page's call.
   *
   * @param params the first page to ask for, the page size and the order
   * @param options every page call's own timeout, retries, headers or query parameters
   * @param paging how many pages may be fetched at once
   * @return the conferences; its iteration throws what {@link #list(ConferenceListParams)} throws
   */
  public AutoPager<Conference> listAll(
      ConferenceListParams params, RequestOptions options, PagingOptions paging) {
    Objects.requireNonNull(params, "params == null");
    Objects.requireNonNull(options, "options == null");
    Objects.requireNonNull(paging, "paging == null");
    return new AutoPager<>(() -> listAsync(params, options), paging);
  }

  /**
   * The same operations, answering with the HTTP status and headers beside the value.
   *
   * @return the raw view of this resource
   */
  public WithRawResponse withRawResponse() {
    return withRawResponse;
  }

  /**
   * The operations of {@link Conferences}, each answering with a {@link RawResponse}: the HTTP
   * status and headers, and the value the plain operation returns. Failures throw the same
   * exceptions.
   */
  public final class WithRawResponse {
    private WithRawResponse() {}

    /**
     * Returns one page of conferences with the answer's status and headers.
     *
     * @param params which page to ask for, and how sorted
     * @return the answer's status and headers, and the page
     * @throws ApiErrorException if the PBX refuses the call; as {@link
     *     Conferences#list(ConferenceListParams)}
     * @throws HttpStatusException if something answered with an HTTP status other than 2xx
     * @throws MalformedResponseException if the answer is not the JSON that the spec describes
     * @throws TransportException if the PBX could not be reached, did not answer in time, or cut
     *     its answer short
     * @throws IllegalStateException if the client is closed
     */
    public RawResponse<Page<Conference>> list(ConferenceListParams params) {
      return list(params, RequestOptions.none());
    }

    /**
     * Returns one page of conferences with the answer's status and headers, with {@code options}.
     *
     * @param params which page to ask for, and how sorted
     * @param options this call's own timeout, retries, headers or query parameters
     * @return the answer's status and headers, and the page
     * @throws ApiErrorException if the PBX refuses the call; as {@link
     *     Conferences#list(ConferenceListParams)}
     * @throws HttpStatusException if something answered with an HTTP status other than 2xx
     * @throws MalformedResponseException if the answer is not the JSON that the spec describes
     * @throws TransportException if the PBX could not be reached, did not answer in time, or cut
     *     its answer short
     * @throws IllegalStateException if the client is closed
     */
    public RawResponse<Page<Conference>> list(ConferenceListParams params, RequestOptions options) {
      check(params, options);
      return auth.execute(token -> params.call(api, token, options))
          .map(response -> toPage(response, params, options));
    }

    /**
     * Like {@link #list(ConferenceListParams)}, without blocking the caller.
     *
     * @param params which page to ask for, and how sorted
     * @return the answer, or a future failed with what {@link #list(ConferenceListParams)} would
     *     throw; cancelling it cancels the call
     */
    public CompletableFuture<RawResponse<Page<Conference>>> listAsync(ConferenceListParams params) {
      return listAsync(params, RequestOptions.none());
    }

    /**
     * Like {@link #list(ConferenceListParams, RequestOptions)}, without blocking the caller.
     *
     * @param params which page to ask for, and how sorted
     * @param options this call's own timeout, retries, headers or query parameters
     * @return the answer, or a future failed with what {@link #list(ConferenceListParams,
     *     RequestOptions)} would throw; cancelling it cancels the call
     */
    public CompletableFuture<RawResponse<Page<Conference>>> listAsync(
        ConferenceListParams params, RequestOptions options) {
      check(params, options);
      CompletableFuture<RawResponse<ConferenceListResponse>> response =
          auth.executeAsync(token -> params.call(api, token, options));
      // Cancelling the page must cancel the call: a derived future does not pass it back.
      return CompletableFutures.onCancel(
          response.thenApply(raw -> raw.map(r -> toPage(r, params, options))),
          () -> response.cancel(true));
    }
  }

  private static void check(ConferenceListParams params, RequestOptions options) {
    Objects.requireNonNull(params, "params == null");
    Objects.requireNonNull(options, "options == null");
  }

  /** A page whose next page is asked for with the same parameters and options. */
  private Page<Conference> toPage(
      ConferenceListResponse response, ConferenceListParams params, RequestOptions options) {
    return new Page<>(
        response.data(),
        response.totalNumber(),
        params.page(),
        params.pageSize(),
        page -> listAsync(params.withPage(page), options));
  }
}
