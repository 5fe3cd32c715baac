package io.github.yeastarsdk;

import org.jspecify.annotations.Nullable;

/**
 * How an {@link AutoPager} fetches pages. The default keeps one page in flight while the caller
 * works through the current one, which is all a PBX, a small appliance, should be asked for.
 *
 * <p>With {@link #pagesInFlight(int) more pages in flight}, once the first page has said how many
 * items there are, up to that many following pages are requested at once. Items are still handed
 * out strictly in order, the pager holds at most {@code pagesInFlight + 1} pages, and it never runs
 * more than {@code pagesInFlight} requests ahead of the caller. A page shorter than the page size
 * before the last, or a {@code total_number} that differs from the first page's, makes the rest of
 * the listing go one page at a time again.
 *
 * <p>OkHttp runs at most five requests to one host at once unless its dispatcher is told otherwise
 * ({@code Dispatcher.setMaxRequestsPerHost}, on a client given to the builder); pages beyond that
 * wait in its queue.
 */
public final class PagingOptions {
  /** The most pages an {@link AutoPager} may request at once. */
  public static final int MAX_PAGES_IN_FLIGHT = 16;

  private static final PagingOptions DEFAULTS = new PagingOptions(1);

  private final int pagesInFlight;

  private PagingOptions(int pagesInFlight) {
    this.pagesInFlight = pagesInFlight;
  }

  /**
   * One page in flight while the caller works through the current one.
   *
   * @return the default options
   */
  public static PagingOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Up to {@code pages} requests in flight at once, after the first page.
   *
   * @param pages how many page requests may be in flight at once
   * @return options with that many pages in flight
   * @throws IllegalArgumentException if {@code pages} is not between 1 and {@link
   *     #MAX_PAGES_IN_FLIGHT}
   */
  public static PagingOptions pagesInFlight(int pages) {
    if (pages < 1 || pages > MAX_PAGES_IN_FLIGHT) {
      throw new IllegalArgumentException(
          "pagesInFlight must be between 1 and " + MAX_PAGES_IN_FLIGHT + ", was " + pages);
    }
    return pages == 1 ? DEFAULTS : new PagingOptions(pages);
  }

  /**
   * How many page requests may be in flight at once.
   *
   * @return between 1 and {@link #MAX_PAGES_IN_FLIGHT}
   */
  public int pagesInFlight() {
    return pagesInFlight;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof PagingOptions that && that.pagesInFlight == pagesInFlight;
  }

  @Override
  public int hashCode() {
    return pagesInFlight;
  }

  @Override
  public String toString() {
    return "PagingOptions(pagesInFlight=" + pagesInFlight + ")";
  }
}
