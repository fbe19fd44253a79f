package dev.kiln.sql.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.error.DatabricksClientException;
import dev.kiln.sql.IncompleteResultException;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Ordering, parallelism, chunk cap and budget gating of the prefetcher, with chunks the test completes by hand. */
class ChunkPrefetcherTest {
  static final long BIG = 1L << 40;

  /** A chunk whose download and rows arrive only when the test says so. */
  static final class ManualChunk implements ChunkRows {
    final int index;
    final long credit;
    final CompletableFuture<ChunkData> rows = new CompletableFuture<>();
    final CompletableFuture<Void> downloaded = new CompletableFuture<>();
    boolean handedOut;
    volatile boolean closed;

    ManualChunk(int index, long credit) {
      this.index = index;
      this.credit = credit;
    }

    @Override
    public int index() {
      return index;
    }

    @Override
    public ChunkData nextBatch() {
      if (handedOut) {
        return null;
      }
      handedOut = true;
      return dev.kiln.core.spi.Futures.join(rows);
    }

    @Override
    public CompletableFuture<Void> downloaded() {
      return downloaded;
    }

    @Override
    public void close() {
      closed = true;
      rows.cancel(true);
      downloaded.complete(null);
    }
  }

  static final class ManualLoader implements ChunkLoader {
    final Map<Integer, ManualChunk> chunks = new ConcurrentHashMap<>();
    final AtomicInteger inFlight = new AtomicInteger();
    /** Completes every chunk at once, as an infinitely fast network would. */
    boolean instant;

    @Override
    public ChunkRows start(int index, InFlight scope, ByteBudget budget, long credit) {
      ManualChunk c = new ManualChunk(index, credit);
      inFlight.incrementAndGet();
      c.downloaded.whenComplete((v, e) -> inFlight.decrementAndGet());
      chunks.put(index, c);
      if (instant) {
        finish(index, 1);
      }
      return c;
    }

    void finish(int index, int rows) {
      TextBatch.Builder b = TextBatch.builder();
      for (int i = 0; i < rows; i++) {
        b.addString(index + "-" + i);
        b.endRow();
      }
      ManualChunk c = chunks.get(index);
      c.rows.complete(b.build());
      c.downloaded.complete(null);
    }
  }

  private static ChunkPrefetcher prefetcher(ManualLoader loader, int chunks, long rows, int parallelism, int maxAhead,
      long budget) {
    return new ChunkPrefetcher(loader, "the result of statement s", chunks, rows, parallelism, maxAhead,
        new ByteBudget(budget, null));
  }

  @Test
  void theChunkCapHoldsASlowReaderBack() {
    ManualLoader loader = new ManualLoader();
    loader.instant = true;
    ChunkPrefetcher chunks = prefetcher(loader, 100, 100, 4, 5, BIG);

    for (int taken = 0; taken < 100; taken++) {
      ChunkData c = chunks.nextBatch();
      assertEquals(taken + "-0", c.text(0, 0), "chunks come in order");
      int inMemory = loader.chunks.size() - taken;
      assertEquals(Math.min(5, 100 - taken), inMemory, "while reading chunk " + taken);
    }
    assertNull(chunks.nextBatch());
    assertEquals(5, chunks.peakChunksAhead());
  }

  @Test
  void aFullBudgetStartsNoDownloadUntilRoomIsFreed() {
    ManualLoader loader = new ManualLoader();
    ByteBudget budget = new ByteBudget(16 * 1024, null);
    ChunkPrefetcher chunks = new ChunkPrefetcher(loader, "r", 10, -1, 8, Integer.MAX_VALUE, budget);
    long segment = budget.segment();
    assertTrue(budget.acquireOrWait(budget.capacity() - 2 * segment, 0, null), "someone else holds most of it");

    CompletableFuture<ChunkData> first = CompletableFuture.supplyAsync(chunks::nextBatch);
    waitFor(() -> loader.chunks.size() == 3);
    assertEquals(0, loader.chunks.get(0).credit, "the chunk the reader waits for starts without room");
    assertEquals(segment, loader.chunks.get(1).credit, "the others start with one segment taken for them");
    assertEquals(budget.capacity(), budget.used());

    budget.release(segment); // room for exactly one more
    waitFor(() -> loader.chunks.size() == 4);
    assertEquals(segment, loader.chunks.get(3).credit);
    assertEquals(budget.capacity(), budget.used());
    loader.finish(0, 1);
    assertEquals("0-0", first.join().text(0, 0));
    chunks.close();
    assertEquals(4, loader.chunks.size(), "no download without room");
  }

  @Test
  void parallelismLimitsDownloadsInFlight() {
    ManualLoader loader = new ManualLoader();
    ChunkPrefetcher chunks = prefetcher(loader, 10, -1, 3, 8, BIG);
    CompletableFuture<ChunkData> first = CompletableFuture.supplyAsync(chunks::nextBatch);
    waitFor(() -> loader.chunks.size() == 3);
    assertEquals(3, loader.inFlight.get());
    loader.finish(2, 1); // a later chunk finishing frees a slot, chunk 0 still pending
    waitFor(() -> loader.chunks.size() == 4);
    loader.finish(0, 1);
    assertEquals("0-0", first.join().text(0, 0));
    chunks.close();
  }

  @Test
  void closeStopsDownloadsInFlight() {
    ManualLoader loader = new ManualLoader();
    ChunkPrefetcher chunks = prefetcher(loader, 10, -1, 3, 8, BIG);
    CompletableFuture<ChunkData> reader = CompletableFuture.supplyAsync(chunks::nextBatch);
    waitFor(() -> loader.chunks.size() == 3);

    chunks.close();

    loader.chunks.values().forEach(c -> assertTrue(c.closed, "chunk closed"));
    DatabricksClientException e = assertThrows(DatabricksClientException.class, () -> {
      try {
        reader.join();
      } catch (java.util.concurrent.CompletionException ce) {
        throw ce.getCause();
      }
    });
    assertTrue(e.getMessage().contains("closed"), e.getMessage());
    assertThrows(DatabricksClientException.class, chunks::nextBatch);
  }

  @Test
  void aShortTotalIsAnError() {
    ManualLoader loader = new ManualLoader();
    ChunkPrefetcher chunks = prefetcher(loader, 2, 5, 2, 2, BIG);
    CompletableFuture.runAsync(() -> {
      waitFor(() -> loader.chunks.size() == 2);
      loader.finish(0, 2);
      loader.finish(1, 2);
    });
    chunks.nextBatch();
    chunks.nextBatch();
    IncompleteResultException e = assertThrows(IncompleteResultException.class, chunks::nextBatch);
    assertTrue(e.getMessage().contains("has 4 rows in 2 chunks, the manifest says 5"), e.getMessage());
  }

  @Test
  void aFailedChunkFailsTheReaderWithItsOwnException() {
    ManualLoader loader = new ManualLoader();
    ChunkPrefetcher chunks = prefetcher(loader, 2, -1, 2, 2, BIG);
    CompletableFuture.runAsync(() -> {
      waitFor(() -> loader.chunks.size() == 2);
      loader.chunks.get(0).rows.completeExceptionally(new IncompleteResultException("chunk 0 is missing"));
    });
    assertThrows(IncompleteResultException.class, chunks::nextBatch);
    chunks.close();
  }

  static void waitFor(java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out");
      }
      Thread.onSpinWait();
    }
  }

}
