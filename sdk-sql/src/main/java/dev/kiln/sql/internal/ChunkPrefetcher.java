package dev.kiln.sql.internal;

import dev.kiln.core.spi.Futures;
import dev.kiln.core.error.DatabricksClientException;
import dev.kiln.sql.IncompleteResultException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * Hands one reader the chunks of a result in order while fetching ahead of it: up to
 * {@code parallelism} chunks load at once, and a chunk is started only while fewer than
 * {@code maxInMemory} chunks are loaded or loading but not yet finished by the reader (the one it
 * is reading counts). A slow reader therefore holds fetching back instead of filling the heap.
 */
public final class ChunkPrefetcher implements AutoCloseable {
  private final ChunkLoader loader;
  private final String description;
  private final int chunkCount;
  private final long expectedRows;
  private final int parallelism;
  private final int maxInMemory;
  private final InFlight scope = new InFlight();
  private final Map<Integer, CompletableFuture<ParsedChunk>> pending = new HashMap<>();

  // All guarded by this.
  private int nextToStart;
  private int nextToTake;
  private int loading;
  private int peakInMemory;
  private long rowsHandedOut;
  /** Whether the reader is still reading the chunk before {@code nextToTake}. */
  private boolean readerHoldsChunk;
  private boolean closed;

  /** {@code expectedRows} is the manifest's total, or -1 when unknown. */
  ChunkPrefetcher(ChunkLoader loader, String description, int chunkCount, long expectedRows, int parallelism,
      int maxInMemory) {
    this.loader = loader;
    this.description = description;
    this.chunkCount = chunkCount;
    this.expectedRows = expectedRows;
    this.parallelism = parallelism;
    this.maxInMemory = maxInMemory;
  }

  /**
   * The next chunk, waiting for it if needed; null after the last one. Calling this again means the
   * reader is done with the previous chunk, which frees its slot.
   */
  public ParsedChunk next() {
    CompletableFuture<ParsedChunk> next;
    List<Integer> toStart;
    synchronized (this) {
      if (closed) {
        throw new DatabricksClientException(description + " was closed");
      }
      readerHoldsChunk = false;
      if (nextToTake == chunkCount) {
        checkTotal();
        return null;
      }
      toStart = startable();
      next = pending.get(nextToTake); // started now or earlier: chunks start in order
    }
    startAll(toStart);
    ParsedChunk chunk;
    try {
      chunk = Futures.join(next);
    } catch (CancellationException e) {
      throw new DatabricksClientException(description + " was closed");
    }
    synchronized (this) {
      pending.remove(nextToTake);
      nextToTake++;
      readerHoldsChunk = true;
      rowsHandedOut += chunk.rows().size();
    }
    return chunk;
  }

  /** Most chunks held or loading at any one time so far (for tests of the memory bound). */
  public synchronized int peakInMemory() {
    return peakInMemory;
  }

  /** Cancels loads in flight and drops loaded chunks; the reader sees "closed" afterwards. */
  @Override
  public void close() {
    List<CompletableFuture<ParsedChunk>> abandoned;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      abandoned = new ArrayList<>(pending.values());
      pending.clear();
    }
    scope.close();
    abandoned.forEach(f -> f.cancel(true));
  }

  /** Reserves the chunks that may start now. */
  private List<Integer> startable() {
    int held = readerHoldsChunk ? nextToTake - 1 : nextToTake; // first chunk the reader has not finished
    List<Integer> start = new ArrayList<>();
    while (!closed && nextToStart < chunkCount && loading < parallelism && nextToStart < held + maxInMemory) {
      pending.put(nextToStart, new CompletableFuture<>());
      start.add(nextToStart);
      nextToStart++;
      loading++;
    }
    peakInMemory = Math.max(peakInMemory, nextToStart - held);
    return start;
  }

  private void startAll(List<Integer> indexes) {
    for (int index : indexes) {
      CompletableFuture<ParsedChunk> slot;
      synchronized (this) {
        slot = pending.get(index);
      }
      if (slot == null) {
        continue; // closed meanwhile
      }
      CompletableFuture<ParsedChunk> load;
      try {
        load = loader.load(index, scope);
      } catch (RuntimeException e) {
        load = CompletableFuture.failedFuture(e);
      }
      load.whenComplete((chunk, error) -> {
        if (error != null) {
          slot.completeExceptionally(Futures.unwrap(error));
        } else {
          slot.complete(chunk);
        }
        onLoaded();
      });
    }
  }

  private void onLoaded() {
    List<Integer> toStart;
    synchronized (this) {
      loading--;
      toStart = startable();
    }
    startAll(toStart);
  }

  private void checkTotal() {
    if (expectedRows >= 0 && rowsHandedOut != expectedRows) {
      throw new IncompleteResultException(description + " has " + rowsHandedOut + " rows in " + chunkCount
          + " chunks, the manifest says " + expectedRows);
    }
  }
}
