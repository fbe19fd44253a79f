package dev.kiln.sql.internal;

import java.io.Closeable;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The requests and response streams of one reader's downloads, so closing the reader (or the
 * result) cancels every request in flight and closes every stream being parsed.
 */
public final class InFlight implements AutoCloseable {
  private final Set<Object> live = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  /** Cancelled now if this scope is already closed, else when it closes. */
  public <T> CompletableFuture<T> track(CompletableFuture<T> future) {
    live.add(future);
    future.whenComplete((v, e) -> live.remove(future));
    if (closed) {
      future.cancel(true); // checked after adding, so close() and track() cannot both miss it
    }
    return future;
  }

  /** Closed when this scope closes; call the returned handle once done with the stream. */
  public Closeable track(Closeable stream) throws IOException {
    live.add(stream);
    if (closed) {
      stream.close();
    }
    return () -> live.remove(stream);
  }

  public boolean isClosed() {
    return closed;
  }

  @Override
  public void close() {
    closed = true;
    for (Object o : live) {
      if (o instanceof CompletableFuture) {
        ((CompletableFuture<?>) o).cancel(true);
      } else {
        try {
          ((Closeable) o).close();
        } catch (IOException | RuntimeException ignored) {
          // closing only to abort the read; nothing to report
        }
      }
    }
    live.clear();
  }
}
