package dev.kiln.sql.internal;

import java.io.Closeable;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The requests and response streams of one reader's downloads, so closing the reader (or the
 * result) stops every request in flight and closes every stream being parsed: futures are
 * cancelled, streams closed, and threads blocked in a request (see {@link #blockingCall()})
 * interrupted.
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

  /**
   * Until the returned call is closed, closing this scope interrupts the calling thread, ending a
   * blocking request it is waiting in. Use it in try-with-resources around the request.
   */
  public BlockingCall blockingCall() {
    BlockingCall call = new BlockingCall(Thread.currentThread());
    live.add(call);
    if (closed) {
      call.interrupt(); // checked after adding, so close() and this cannot both miss it
    }
    return call;
  }

  public boolean isClosed() {
    return closed;
  }

  /** What a request or download of a closed scope ends with. */
  public static CancellationException closedError() {
    return new CancellationException("the reader was closed");
  }

  @Override
  public void close() {
    closed = true;
    for (Object o : live) {
      if (o instanceof CompletableFuture) {
        ((CompletableFuture<?>) o).cancel(true);
      } else if (o instanceof BlockingCall) {
        ((BlockingCall) o).interrupt();
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

  /** A thread in a blocking request for this scope; see {@link #blockingCall()}. */
  public final class BlockingCall implements AutoCloseable {
    private final Thread thread;
    private boolean finished;
    private boolean interrupted;

    private BlockingCall(Thread thread) {
      this.thread = thread;
    }

    private synchronized void interrupt() {
      if (!finished) {
        interrupted = true;
        thread.interrupt();
      }
    }

    /**
     * Ends the registration. An interrupt this scope sent is cleared, so it cannot reach whatever the
     * thread (a pool's) runs next; the caller sees {@link #isClosed()} instead.
     */
    @Override
    public void close() {
      boolean clear;
      synchronized (this) {
        finished = true;
        clear = interrupted;
      }
      live.remove(this);
      if (clear) {
        Thread.interrupted();
      }
    }
  }
}
