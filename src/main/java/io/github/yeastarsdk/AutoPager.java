package io.github.yeastarsdk;

import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Every item of a listing, page after page. While the caller works through one page, the next one
 * is already being fetched, so at most two pages are held at a time. Each iteration starts again
 * from the first page.
 */
public final class AutoPager<T> implements Iterable<T> {
  private final Supplier<CompletableFuture<Page<T>>> firstPage;

  AutoPager(Supplier<CompletableFuture<Page<T>>> firstPage) {
    this.firstPage = firstPage;
  }

  @Override
  public Iterator<T> iterator() {
    return new PageIterator<>(firstPage.get());
  }

  /** The items as a sequential stream; closing it cancels a page fetch in flight. */
  public Stream<T> stream() {
    PageIterator<T> iterator = new PageIterator<>(firstPage.get());
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(
                iterator, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(iterator::cancel);
  }

  private static final class PageIterator<T> implements Iterator<T> {
    private Iterator<T> items = Collections.emptyIterator();
    private CompletableFuture<Page<T>> next;

    PageIterator(CompletableFuture<Page<T>> first) {
      this.next = first;
    }

    @Override
    public boolean hasNext() {
      while (!items.hasNext()) {
        if (next == null) {
          return false;
        }
        Page<T> page = CompletableFutures.join(next);
        // Ask for the following page now, so that it arrives while this one is consumed.
        next = page.hasNextPage() ? page.nextPageAsync() : null;
        items = page.items().iterator();
      }
      return true;
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return items.next();
    }

    void cancel() {
      if (next != null) {
        next.cancel(true);
        next = null;
      }
    }
  }
}
