package io.github.yeastarsdk;

import io.github.yeastarsdk.errors.ApiErrorException;
import io.github.yeastarsdk.errors.HttpStatusException;
import io.github.yeastarsdk.errors.MalformedResponseException;
import io.github.yeastarsdk.errors.TransportException;
import io.github.yeastarsdk.errors.YeastarException;
import io.github.yeastarsdk.internal.CompletableFutures;
import io.github.yeastarsdk.internal.ImmutableLists;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * One page of a listing, and the way to the next one. Immutable.
 *
 * @param <T> the type of the listed items
 */
public final class Page<T> {
  private final List<T> items;
  private final @Nullable Integer totalNumber;
  private final int page;
  private final int pageSize;
  private final IntFunction<CompletableFuture<Page<T>>> fetch;

  private Page(
      List<T> items,
      @Nullable Integer totalNumber,
      int page,
      int pageSize,
      IntFunction<CompletableFuture<Page<T>>> fetch) {
    // A decoded list is immutable already and is taken as it is; any other is copied.
    this.items = ImmutableLists.copyOf(items);
    this.totalNumber = totalNumber;
    this.page = page;
    this.pageSize = pageSize;
    this.fetch = fetch;
  }

  /**
   * Returns a page. The SDK builds its pages itself; this is for callers' fakes of a resource.
   *
   * @param items the page's items
   * @param totalNumber the number of items across all pages, or null when the answer had none
   * @param page this page's number, from 1
   * @param pageSize how many items a page holds, from 1
   * @param fetch gets page {@code n} (the argument) with the same query, for {@link #nextPage()}
   *     and auto-paging
   * @param <T> the item type
   * @return the page
   * @throws IllegalArgumentException if {@code page} or {@code pageSize} is below 1
   */
  public static <T> Page<T> of(
      List<T> items,
      @Nullable Integer totalNumber,
      int page,
      int pageSize,
      IntFunction<CompletableFuture<Page<T>>> fetch) {
    Objects.requireNonNull(items, "items == null");
    Objects.requireNonNull(fetch, "fetch == null");
    if (page < 1 || pageSize < 1) {
      throw new IllegalArgumentException(
          "page and pageSize must be at least 1, were " + page + " and " + pageSize);
    }
    return new Page<>(items, totalNumber, page, pageSize, fetch);
  }

  /**
   * The items of this page, in the order the PBX returned them.
   *
   * @return the items, unmodifiable; empty on a page past the end
   */
  public List<T> items() {
    return items;
  }

  /**
   * The total number of items across all pages, as the PBX reported it with this page.
   *
   * @return the total, or empty if the PBX did not say
   */
  public OptionalInt totalNumber() {
    return totalNumber != null ? OptionalInt.of(totalNumber) : OptionalInt.empty();
  }

  /**
   * This page's number.
   *
   * @return the page number, counted from 1
   */
  public int page() {
    return page;
  }

  /**
   * The page size that was asked for; the page may hold fewer items.
   *
   * @return the requested page size
   */
  public int pageSize() {
    return pageSize;
  }

  /**
   * Tells whether a page follows this one. An empty page is always the last, so a PBX that
   * misreports its total cannot make a listing run forever. Without a total, a full page is taken
   * to have a successor.
   *
   * @return true if {@link #nextPage()} would fetch a page
   */
  public boolean hasNextPage() {
    if (items.isEmpty()) {
      return false;
    }
    if (totalNumber == null) {
      return items.size() >= pageSize;
    }
    return (long) page * pageSize < totalNumber;
  }

  /**
   * Fetches the next page, with the same parameters and per-call options as this one.
   *
   * @return the next page
   * @throws NoSuchElementException if this is the last page ({@link #hasNextPage()} is false)
   * @throws ApiErrorException if the PBX refuses the call; a subclass names the common reasons
   * @throws HttpStatusException if something answered with an HTTP status other than 2xx
   * @throws MalformedResponseException if the answer is not what the spec describes
   * @throws TransportException if the PBX could not be reached or its answer was cut short
   * @throws YeastarException for any other failure of the call; the above are its subclasses
   * @throws IllegalStateException if the client is closed
   */
  public Page<T> nextPage() {
    return CompletableFutures.join(nextPageAsync());
  }

  /**
   * Fetches the next page without blocking. Cancelling the future cancels the call.
   *
   * @return the next page, or a future failed with what {@link #nextPage()} would throw (the {@link
   *     NoSuchElementException} included); never throws itself
   */
  public CompletableFuture<Page<T>> nextPageAsync() {
    if (!hasNextPage()) {
      return CompletableFuture.failedFuture(
          new NoSuchElementException("page " + page + " is the last page"));
    }
    return fetchPage(page + 1);
  }

  /** Fetches page {@code number} of the same listing, for a pager that runs ahead. */
  CompletableFuture<Page<T>> fetchPage(int number) {
    // A fake's fetcher may forget to return: name it rather than fail somewhere in a pager.
    return Objects.requireNonNull(
        fetch.apply(number), () -> "the page fetcher returned null for page " + number);
  }

  @Override
  public String toString() {
    return "Page(page="
        + page
        + ", pageSize="
        + pageSize
        + ", items="
        + items.size()
        + ", totalNumber="
        + (totalNumber != null ? totalNumber : "unknown")
        + ")";
  }
}
