package io.github.yeastarsdk;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;

/** One page of a listing, and the way to the next one. Immutable. */
public final class Page<T> {
  private final List<T> items;
  private final Integer totalNumber;
  private final int page;
  private final int pageSize;
  private final IntFunction<CompletableFuture<Page<T>>> fetch;

  Page(
      List<T> items,
      Integer totalNumber,
      int page,
      int pageSize,
      IntFunction<CompletableFuture<Page<T>>> fetch) {
    this.items = List.copyOf(items);
    this.totalNumber = totalNumber;
    this.page = page;
    this.pageSize = pageSize;
    this.fetch = fetch;
  }

  /** The items of this page, in the order the PBX returned them. */
  public List<T> items() {
    return items;
  }

  /** The total number of items across all pages, or -1 if the PBX did not say. */
  public int totalNumber() {
    return totalNumber != null ? totalNumber : -1;
  }

  /** This page's number, counted from 1. */
  public int page() {
    return page;
  }

  /** The page size that was asked for. */
  public int pageSize() {
    return pageSize;
  }

  /**
   * True if a page follows this one. An empty page is always the last, so a PBX that misreports its
   * total cannot make a listing run forever.
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

  /** Fetches the next page; throws {@link NoSuchElementException} if this is the last. */
  public Page<T> nextPage() {
    return CompletableFutures.join(nextPageAsync());
  }

  /** Fetches the next page without blocking. */
  public CompletableFuture<Page<T>> nextPageAsync() {
    if (!hasNextPage()) {
      return CompletableFuture.failedFuture(
          new NoSuchElementException("page " + page + " is the last page"));
    }
    return fetch.apply(page + 1);
  }

  /** Fetches page {@code number} of the same listing, for a pager that runs ahead. */
  CompletableFuture<Page<T>> fetchPage(int number) {
    return fetch.apply(number);
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
        + totalNumber()
        + ")";
  }
}
