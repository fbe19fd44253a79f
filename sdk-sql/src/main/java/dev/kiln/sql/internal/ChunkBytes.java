package dev.kiln.sql.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * One download's body, buffered as raw bytes ahead of the reader within a {@link ByteBudget}: a
 * pump task copies the body into segments while the budget has room, and {@link #stream()} hands
 * them to the parser on the reader's side, giving the room back as it goes. No thread waits for
 * room: the pump stops and the budget calls it back. When nothing is buffered and no pump is
 * running, the reader reads the body itself, so the chunk it needs always moves even with the
 * budget full of later chunks, and it never waits for a queued task (only for bytes in flight).
 */
final class ChunkBytes implements AutoCloseable {
  private final int order;
  private final ByteBudget budget;
  private final Executor executor;
  private final ArrayDeque<byte[]> segments = new ArrayDeque<>();
  private final CompletableFuture<Void> downloaded = new CompletableFuture<>();
  /** Budget taken and not yet used by a segment (the credit a download starts with). */
  private long credit;
  private InputStream body;
  private boolean pumping;
  private boolean waitingForRoom;
  private boolean ended;
  private boolean closed;
  private Throwable failure;
  private int headOffset;
  private long buffered;

  ChunkBytes(int order, ByteBudget budget, Executor executor, long credit) {
    this.order = order;
    this.budget = budget;
    this.executor = executor;
    this.credit = credit;
  }

  /** Completes once the whole body is buffered or read, or the download failed or closed. */
  CompletableFuture<Void> downloaded() {
    return downloaded;
  }

  /** The response arrived: start buffering it. */
  void start(InputStream in) {
    synchronized (this) {
      if (closed) {
        closeQuietly(in);
        return;
      }
      body = in;
      notifyAll();
    }
    schedulePump();
  }

  /** The request failed before a body arrived. */
  void fail(Throwable e) {
    synchronized (this) {
      if (failure == null && !ended) {
        failure = e;
      }
      notifyAll();
    }
    finishDownload();
  }

  private void schedulePump() {
    try {
      executor.execute(this::pump);
    } catch (RuntimeException rejected) {
      fail(rejected);
    }
  }

  /** Copies segments while the budget has room; runs on the executor, never waits for room. */
  private void pump() {
    InputStream in;
    synchronized (this) {
      if (pumping || body == null || ended || closed || failure != null) {
        return;
      }
      pumping = true;
      in = body;
    }
    boolean more = true;
    try {
      while (more) {
        int size = budget.segment();
        synchronized (this) {
          if (closed) {
            break;
          }
          if (credit >= size) {
            credit -= size;
          } else if (!budget.acquireOrWait(size, order, this::onRoom)) {
            waitingForRoom = true;
            break;
          }
        }
        byte[] seg = new byte[size];
        int n = 0;
        int r = 0;
        try {
          while (n < size && (r = in.read(seg, n, size - n)) >= 0) {
            n += r;
          }
        } catch (IOException | RuntimeException e) {
          budget.release(size);
          fail(e);
          return;
        }
        if (n < size) {
          budget.release(size - n);
          seg = Arrays.copyOf(seg, n);
        }
        synchronized (this) {
          if (closed) {
            budget.release(n);
            break;
          }
          if (n > 0) {
            segments.add(seg);
            buffered += n;
          }
          if (r < 0) {
            ended = true;
            more = false;
          }
          notifyAll();
        }
      }
    } finally {
      synchronized (this) {
        pumping = false;
        notifyAll(); // a reader waiting for this pump may now read the body itself
      }
    }
    if (!more) {
      finishDownload();
    }
  }

  private void onRoom() {
    boolean wasClosed;
    synchronized (this) {
      waitingForRoom = false;
      wasClosed = closed;
      if (!closed) {
        credit += budget.segment();
      }
    }
    if (wasClosed) {
      budget.release(budget.segment());
      return;
    }
    schedulePump();
  }

  /** The body is done with (read to its end, failed or abandoned): release it and its stall check. */
  private void finishDownload() {
    InputStream in;
    synchronized (this) {
      in = body;
    }
    if (in != null) {
      closeQuietly(in);
    }
    downloaded.complete(null);
  }

  /** The body for one parser; reading it gives budget back. */
  InputStream stream() {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return readInto(b, off, len);
      }

      @Override
      public void close() {
        ChunkBytes.this.close();
      }
    };
  }

  private int readInto(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    InputStream direct;
    int copied = -1;
    synchronized (this) {
      while (true) {
        if (closed) {
          throw new InterruptedIOException("chunk download cancelled");
        }
        if (!segments.isEmpty()) {
          byte[] head = segments.peek();
          int n = Math.min(len, head.length - headOffset);
          System.arraycopy(head, headOffset, b, off, n);
          headOffset += n;
          buffered -= n;
          if (headOffset == head.length) {
            segments.poll();
            headOffset = 0;
          }
          copied = n;
          direct = null;
          break;
        }
        if (failure instanceof RuntimeException) {
          throw (RuntimeException) failure; // e.g. a LinkFailure, or the request's own typed error
        }
        if (failure != null) {
          throw failure instanceof IOException ? (IOException) failure : new IOException(failure.getMessage(), failure);
        }
        if (ended) {
          return -1;
        }
        if (body != null && !pumping) {
          pumping = true; // read the body ourselves: nothing buffered and no pump running
          direct = body;
          break;
        }
        try {
          wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted while waiting for chunk data");
        }
      }
    }
    if (copied >= 0) {
      budget.release(copied); // outside the lock: grants call other downloads back
      return copied;
    }
    int n;
    try {
      n = direct.read(b, off, len);
    } catch (IOException | RuntimeException e) {
      synchronized (this) {
        pumping = false;
      }
      fail(e);
      throw e instanceof IOException ? (IOException) e : new IOException(e.getMessage(), e);
    }
    boolean resume;
    synchronized (this) {
      pumping = false;
      if (n < 0) {
        ended = true;
      }
      resume = !ended && !waitingForRoom && !closed;
      notifyAll();
    }
    if (n < 0) {
      finishDownload();
    } else if (resume) {
      schedulePump(); // keep buffering ahead of the reader while there is room
    }
    return n;
  }

  /** Bytes buffered and not yet read. */
  synchronized long buffered() {
    return buffered;
  }

  /** Stops the download and gives back its room. */
  @Override
  public void close() {
    long free;
    InputStream in;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      free = buffered + credit;
      buffered = 0;
      credit = 0;
      segments.clear();
      in = body;
      notifyAll();
    }
    budget.release(free);
    if (in != null) {
      closeQuietly(in);
    }
    finishDownload();
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException | RuntimeException ignored) {
      // closing only to abort
    }
  }
}
