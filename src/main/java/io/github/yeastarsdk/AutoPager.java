package io.github.yeastarsdk;

import io.github.yeastarsdk.errors.YeastarException;
import io.github.yeastarsdk.internal.CompletableFutures;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Every item of a listing, page after page, in the PBX's order. While the caller works through one
 * page, the following ones are already being fetched: one by default, up to {@link
 * PagingOptions#pagesInFlight()} once the first page has given the total. At most {@code
 * pagesInFlight + 1} pages are held at a time, and no page is requested more than {@code
 * pagesInFlight} pages ahead of the one the caller is on. Each iteration starts again from the
 * first page.
 *
 * <p>A failed page ends the iteration: {@code hasNext()} and {@code next()} throw what {@link
 * Page#nextPage()} documents ({@link YeastarException} and its subclasses, or {@link
 * IllegalStateException} once the client is closed), and the fetches in flight are cancelled.
 *
 * @param <T> the type of the listed items
 */
public final class AutoPager<T> implements Iterable<T> {
  private final Supplier<CompletableFuture<Page<T>>> firstPage;
  private final PagingOptions options;

  private AutoPager(Supplier<CompletableFuture<Page<T>>> firstPage, PagingOptions options) {
    this.firstPage = firstPage;
    this.options = Objects.requireNonNull(options, "options == null");
  }

  /**
   * Returns a pager that starts from the page that {@code firstPage} fetches and follows each
   * page's {@link Page#nextPageAsync()}. The SDK's resources build theirs; this is for callers'
   * fakes.
   *
   * @param firstPage fetches the first page; called once per iteration
   * @param options how many pages may be fetched at once
   * @param <T> the item type
   * @return the pager; no page is fetched until iteration starts
   */
  public static <T> AutoPager<T> of(
      Supplier<CompletableFuture<Page<T>>> firstPage, PagingOptions options) {
    return new AutoPager<>(Objects.requireNonNull(firstPage, "firstPage == null"), options);
  }

  /**
   * Starts a listing; the first page is requested now.
   *
   * @return an iterator over every item; its {@code hasNext()} and {@code next()} throw {@link
   *     YeastarException} (or a subclass) if a page cannot be fetched, and {@link
   *     IllegalStateException} if the client is closed
   */
  @Override
  public Iterator<T> iterator() {
    return new PageIterator<>(firstPage.get(), options.pagesInFlight());
  }

  /**
   * The items as a sequential stream; the first page is requested now. Closing the stream cancels
   * the page fetches in flight. A terminal operation throws what the iterator would.
   *
   * @return a stream of every item, in the PBX's order
   */
  public Stream<T> stream() {
    PageIterator<T> iterator = new PageIterator<>(firstPage.get(), options.pagesInFlight());
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(
                iterator, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(iterator::cancel);
  }

  private static final class PageIterator<T> implements Iterator<T> {
    private final int pagesInFlight;
    private Iterator<T> items = Collections.emptyIterator();

    /** Fetches requested and not yet handed out, in page order; at most pagesInFlight. */
    private final ArrayDeque<CompletableFuture<Page<T>>> ahead = new ArrayDeque<>();

    /** True while pages are requested by number, up to lastPage; false: one after another. */
    private boolean byNumber;

    private int total;
    private int lastPage;
    private int nextToRequest;
    private boolean first = true;

    PageIterator(CompletableFuture<Page<T>> first, int pagesInFlight) {
      this.pagesInFlight = pagesInFlight;
      ahead.add(first);
    }

    @Override
    public boolean hasNext() {
      while (!items.hasNext()) {
        if (ahead.isEmpty()) {
          return false;
        }
        Page<T> page;
        try {
          page = CompletableFutures.join(ahead.poll());
        } catch (RuntimeException | Error e) {
          cancel();
          throw e;
        }
        requestFollowing(page);
        items = page.items().iterator();
      }
      return true;
    }

    /** Called once for each page as it is handed out: keeps the fetches ahead topped up. */
    private void requestFollowing(Page<T> page) {
      if (first) {
        first = false;
        // Only a full first page with a total lets later pages be asked for by number.
        if (pagesInFlight > 1
            && page.totalNumber().isPresent()
            && page.items().size() == page.pageSize()
            && page.hasNextPage()) {
          byNumber = true;
          total = page.totalNumber().getAsInt();
          lastPage = (int) ((total + (long) page.pageSize() - 1) / page.pageSize());
          nextToRequest = page.page() + 1;
        }
      } else if (byNumber
          && (!page.totalNumber().equals(OptionalInt.of(total))
              || (page.page() < lastPage && page.items().size() != page.pageSize()))) {
        // The list changed under the listing: numbered pages no longer line up with the total.
        // Fetches already made are still handed out in order; after them, one page at a time.
        byNumber = false;
      }
      if (!page.hasNextPage()) {
        // An empty or last page ends the listing, whatever else was requested.
        cancel();
        return;
      }
      if (byNumber) {
        while (ahead.size() < pagesInFlight && nextToRequest <= lastPage) {
          ahead.add(page.fetchPage(nextToRequest++));
        }
      } else if (ahead.isEmpty()) {
        ahead.add(page.nextPageAsync());
      }
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return items.next();
    }

    void cancel() {
      CompletableFuture<Page<T>> fetch;
      while ((fetch = ahead.poll()) != null) {
        fetch.cancel(true);
      }
    }
  }
}
