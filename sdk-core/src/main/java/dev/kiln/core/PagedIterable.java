package dev.kiln.core;

import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A listing fetched page by page, only as far as it is read. Nothing is requested until iteration
 * starts; each {@link #iterator()} starts again from the first page. Pages that come back empty
 * but still carry a next token are followed.
 */
public final class PagedIterable<T> implements Iterable<T> {
  private final Function<String, Page<T>> fetchPage;

  private PagedIterable(Function<String, Page<T>> fetchPage) {
    this.fetchPage = Objects.requireNonNull(fetchPage);
  }

  /** {@code fetchPage} receives null for the first page, then each page's next token. */
  public static <T> PagedIterable<T> of(Function<String, Page<T>> fetchPage) {
    return new PagedIterable<>(fetchPage);
  }

  @Override
  public Iterator<T> iterator() {
    return new PageIterator();
  }

  /** The items as a sequential, lazy stream: a page is fetched only when the stream reaches it. */
  public Stream<T> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  /** The pages themselves, lazily, for callers that want page boundaries. */
  public Iterable<Page<T>> pages() {
    return () -> new Iterator<>() {
      private String token;
      private boolean done;

      @Override
      public boolean hasNext() {
        return !done;
      }

      @Override
      public Page<T> next() {
        if (done) {
          throw new NoSuchElementException();
        }
        Page<T> page = fetchPage.apply(token);
        token = page.nextToken().orElse(null);
        done = token == null;
        return page;
      }
    };
  }

  private final class PageIterator implements Iterator<T> {
    private final Iterator<Page<T>> pages = pages().iterator();
    private Iterator<T> current = Collections.emptyIterator();

    @Override
    public boolean hasNext() {
      while (!current.hasNext()) {
        if (!pages.hasNext()) {
          return false;
        }
        current = pages.next().items().iterator();
      }
      return true;
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return current.next();
    }
  }
}
