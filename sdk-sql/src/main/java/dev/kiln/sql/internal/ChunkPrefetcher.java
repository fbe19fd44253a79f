package dev.kiln.sql.internal;

import dev.kiln.core.error.DatabricksClientException;
import dev.kiln.sql.IncompleteResultException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * Hands one reader the rows of a result in order, batch by batch, while downloading ahead of it.
 * What is held ahead is bounded in bytes by the reader's {@link ByteBudget}: a download starts
 * only with one segment of room taken for it, and each keeps buffering only while there is room,
 * so a slow reader holds fetching back and a chunk larger than the whole budget still streams.
 * At most {@code parallelism} downloads run at once (and, if set, at most {@code maxChunksAhead}
 * chunks are started and not yet finished by the reader, counting the one it reads).
 */
public final class ChunkPrefetcher implements AutoCloseable {
  private final ChunkLoader loader;
  private final String description;
  private final int chunkCount;
  private final long expectedRows;
  private final int parallelism;
  private final int maxChunksAhead;
  private final ByteBudget budget;
  private final InFlight scope = new InFlight();
  private final Map<Integer, ChunkRows> started = new HashMap<>();

  // All guarded by this.
  private int nextToStart;
  /** Index of the chunk being read, or of the next one to read when {@code current} is null. */
  private int reading;
  private ChunkRows current;
  private int downloading;
  private long credit;
  private boolean waitingForRoom;
  private boolean closed;
  private long rowsHandedOut;
  private int peakAhead;

  /** {@code expectedRows} is the manifest's total, or -1 when unknown. */
  ChunkPrefetcher(ChunkLoader loader, String description, int chunkCount, long expectedRows, int parallelism,
      int maxChunksAhead, ByteBudget budget) {
    this.loader = loader;
    this.description = description;
    this.chunkCount = chunkCount;
    this.expectedRows = expectedRows;
    this.parallelism = parallelism;
    this.maxChunksAhead = maxChunksAhead;
    this.budget = budget;
  }

  public ByteBudget budget() {
    return budget;
  }

  /**
   * The next batch of rows, waiting for it if needed; null after the last. Only the reader calls
   * this (one thread at a time); the batch stays valid as long as it is referenced.
   */
  public ChunkData nextBatch() {
    while (true) {
      ChunkRows chunk;
      synchronized (this) {
        ensureOpen();
        if (current == null) {
          if (reading == chunkCount) {
            checkTotal();
            return null;
          }
          if (!started.containsKey(reading)) {
            startLocked(reading, 0); // the reader needs it now, room or not
          }
          current = started.get(reading);
        }
        chunk = current;
      }
      startMore();
      ChunkData batch;
      try {
        batch = chunk.nextBatch();
      } catch (CancellationException e) {
        throw closedError();
      } catch (RuntimeException e) {
        synchronized (this) {
          if (closed) {
            throw closedError();
          }
        }
        throw e;
      }
      synchronized (this) {
        ensureOpen();
        if (batch == null) {
          started.remove(reading);
          current = null;
          reading++;
        } else {
          rowsHandedOut += batch.rowCount();
        }
      }
      if (batch == null) {
        chunk.close();
        startMore();
      } else if (batch.rowCount() > 0) {
        return batch;
      }
    }
  }

  /** Most chunks started and not yet finished by the reader at one time (for tests). */
  public synchronized int peakChunksAhead() {
    return peakAhead;
  }

  /** Cancels downloads in flight and frees what they buffered; the reader sees "closed" afterwards. */
  @Override
  public void close() {
    List<ChunkRows> abandoned;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      abandoned = new ArrayList<>(started.values());
      started.clear();
      current = null;
    }
    budget.close();
    scope.close();
    abandoned.forEach(ChunkRows::close);
    long unused;
    synchronized (this) {
      unused = credit;
      credit = 0;
    }
    budget.release(unused);
  }

  /** Starts what may start now: within the parallelism, the chunk cap and the budget. */
  private void startMore() {
    synchronized (this) {
      while (!closed && nextToStart < chunkCount && downloading < parallelism
          && nextToStart - reading < maxChunksAhead) {
        if (nextToStart == reading && current == null) {
          startLocked(nextToStart, 0); // the reader waits for it
          continue;
        }
        if (credit == 0) {
          if (waitingForRoom) {
            return;
          }
          if (!budget.acquireOrWait(budget.segment(), nextToStart, this::onRoom)) {
            waitingForRoom = true;
            return;
          }
          credit = budget.segment();
        }
        long c = credit;
        credit = 0;
        startLocked(nextToStart, c);
      }
    }
  }

  private void onRoom() {
    boolean release;
    synchronized (this) {
      waitingForRoom = false;
      release = closed;
      if (!closed) {
        credit += budget.segment();
      }
    }
    if (release) {
      budget.release(budget.segment());
    } else {
      startMore();
    }
  }

  /** Starts chunk {@code index} (the next to start); callbacks it triggers take the lock on their own threads. */
  private void startLocked(int index, long withCredit) {
    ChunkRows chunk = loader.start(index, scope, budget, withCredit);
    started.put(index, chunk);
    nextToStart = Math.max(nextToStart, index + 1);
    downloading++;
    peakAhead = Math.max(peakAhead, nextToStart - reading);
    chunk.downloaded().whenComplete((v, e) -> {
      synchronized (this) {
        downloading--;
      }
      startMore();
    });
  }

  private void ensureOpen() {
    if (closed) {
      throw closedError();
    }
  }

  private DatabricksClientException closedError() {
    return new DatabricksClientException(description + " was closed");
  }

  private void checkTotal() {
    if (expectedRows >= 0 && rowsHandedOut != expectedRows) {
      throw new IncompleteResultException(description + " has " + rowsHandedOut + " rows in " + chunkCount
          + " chunks, the manifest says " + expectedRows);
    }
  }
}
