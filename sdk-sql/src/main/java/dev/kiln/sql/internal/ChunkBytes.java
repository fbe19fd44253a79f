package dev.kiln.sql.internal;

import dev.kiln.sql.internal.arrow.Lz4FrameInputStream;
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
 *
 * <p>An LZ4-framed body is decoded by the pump, on the download's thread, so the segments hold decoded
 * bytes and the reader parses them as if the body were plain. The decoder's block buffers count against
 * the budget too: a block that needs more room than there is waits for it like a segment, and one that can
 * never fit ahead of the reader is decoded by the reader when it gets there (its buffers then count even
 * past the budget, as the chunk the reader needs must move).
 */
final class ChunkBytes implements AutoCloseable {
  private final int order;
  private final ByteBudget budget;
  private final Executor executor;
  private final boolean lz4Frames;
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
  /** Budget held by the LZ4 decoder's block buffers. */
  private long decoderHeld;

  /** {@code lz4Frames}: the body is LZ4-framed and is decoded as it is buffered. */
  ChunkBytes(int order, ByteBudget budget, Executor executor, long credit, boolean lz4Frames) {
    this.order = order;
    this.budget = budget;
    this.executor = executor;
    this.credit = credit;
    this.lz4Frames = lz4Frames;
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
      body = lz4Frames ? new Lz4FrameInputStream(in, new DecoderRoom()) : in;
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
          while (n < size && (r = readSome(in, seg, n, size - n)) >= 0) {
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
          if (r == -1) {
            ended = true;
            more = false;
          }
          notifyAll();
        }
        if (r == Lz4FrameInputStream.NO_ROOM && !roomForDecoder(((Lz4FrameInputStream) in).roomWanted())) {
          break;
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

  /** Reads decoded bytes within the budget ({@link Lz4FrameInputStream#NO_ROOM} when it has none), or raw ones. */
  private static int readSome(InputStream in, byte[] b, int off, int len) throws IOException {
    return in instanceof Lz4FrameInputStream ? ((Lz4FrameInputStream) in).readWithinRoom(b, off, len) : in.read(b, off, len);
  }

  /**
   * The decoder needs {@code bytes} more for its buffers: true if taken now (as credit it draws from), else the
   * pump stops; it is called back once they are granted, or, if they can never fit, the reader decodes the rest.
   */
  private boolean roomForDecoder(long bytes) {
    if (bytes > budget.capacity()) {
      return false;
    }
    synchronized (this) {
      if (closed) {
        return false;
      }
      if (budget.acquireOrWait(bytes, order, () -> onRoom(bytes))) {
        credit += bytes;
        return true;
      }
      waitingForRoom = true;
      return false;
    }
  }

  private void onRoom() {
    onRoom(budget.segment());
  }

  private void onRoom(long granted) {
    boolean wasClosed;
    synchronized (this) {
      waitingForRoom = false;
      wasClosed = closed;
      if (!closed) {
        credit += granted;
      }
    }
    if (wasClosed) {
      budget.release(granted);
      return;
    }
    schedulePump();
  }

  /** Counts the LZ4 decoder's buffers: from credit, else from the budget if it has room now, else by force for the reader. */
  private final class DecoderRoom implements Lz4FrameInputStream.BufferRoom {
    @Override
    public boolean take(long bytes, boolean mayRefuse) {
      synchronized (ChunkBytes.this) {
        if (closed) {
          return true; // abandoned: nothing is counted any more
        }
        if (credit >= bytes) {
          credit -= bytes;
          decoderHeld += bytes;
          return true;
        }
      }
      if (budget.tryAcquire(bytes)) {
        // taken
      } else if (mayRefuse) {
        return false;
      } else {
        budget.takePastCapacity(bytes); // the reader decodes the chunk it needs: it must move
      }
      boolean wasClosed;
      synchronized (ChunkBytes.this) {
        wasClosed = closed;
        if (!closed) {
          decoderHeld += bytes;
        }
      }
      if (wasClosed) {
        budget.release(bytes);
      }
      return true;
    }

    @Override
    public void give(long bytes) {
      synchronized (ChunkBytes.this) {
        if (closed) {
          return; // given back by close()
        }
        decoderHeld -= bytes;
      }
      budget.release(bytes);
    }
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
      free = buffered + credit + decoderHeld;
      buffered = 0;
      credit = 0;
      decoderHeld = 0;
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
