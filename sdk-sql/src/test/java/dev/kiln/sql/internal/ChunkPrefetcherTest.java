package dev.kiln.sql.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.error.DatabricksClientException;
import dev.kiln.sql.IncompleteResultException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The ordering and memory bound of the prefetcher, with loads the test completes by hand. */
class ChunkPrefetcherTest {
  /** Loads complete only when the test says so, in any order. */
  static final class ManualLoader implements ChunkLoader {
    final Map<Integer, CompletableFuture<ParsedChunk>> loads = new ConcurrentHashMap<>();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger peakInFlight = new AtomicInteger();
    /** Completes every load at once, as an infinitely fast network would. */
    boolean instant;

    @Override
    public CompletableFuture<ParsedChunk> load(int index, InFlight scope) {
      CompletableFuture<ParsedChunk> f = scope.track(new CompletableFuture<>());
      peakInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      f.whenComplete((c, e) -> inFlight.decrementAndGet());
      loads.put(index, f);
      if (instant) {
        finish(index, 1);
      }
      return f;
    }

    void finish(int index, int rows) {
      List<String[]> data = new ArrayList<>();
      for (int i = 0; i < rows; i++) {
        data.add(new String[] {index + "-" + i});
      }
      loads.get(index).complete(new ParsedChunk(index, data));
    }
  }

  @Test
  void aSlowReaderHoldsFetchingBackAtTheBound() {
    ManualLoader loader = new ManualLoader();
    loader.instant = true;
    ChunkPrefetcher chunks = new ChunkPrefetcher(loader, "test", 100, 100, 4, 5);

    for (int taken = 0; taken < 100; taken++) {
      ParsedChunk c = chunks.next();
      assertEquals(taken, c.index(), "chunks come in order");
      // Held: the chunk being read plus those loaded ahead of it.
      int inMemory = loader.loads.size() - taken;
      assertEquals(Math.min(5, 100 - taken), inMemory, "while reading chunk " + taken);
    }
    assertNull(chunks.next());
    assertEquals(5, chunks.peakInMemory());
  }

  @Test
  void parallelismLimitsLoadsInFlight() {
    ManualLoader loader = new ManualLoader();
    ChunkPrefetcher chunks = new ChunkPrefetcher(loader, "test", 10, -1, 3, 8);
    CompletableFuture<ParsedChunk> first = CompletableFuture.supplyAsync(chunks::next);
    waitFor(() -> loader.loads.size() == 3);
    assertEquals(3, loader.inFlight.get());
    loader.finish(2, 1); // a later chunk finishing frees a slot, chunk 0 still pending
    waitFor(() -> loader.loads.size() == 4);
    loader.finish(0, 1);
    assertEquals(0, first.join().index());
    chunks.close();
  }

  @Test
  void closeCancelsLoadsInFlight() {
    ManualLoader loader = new ManualLoader();
    ChunkPrefetcher chunks = new ChunkPrefetcher(loader, "the result of statement s", 10, -1, 3, 8);
    CompletableFuture<ParsedChunk> reader = CompletableFuture.supplyAsync(chunks::next);
    waitFor(() -> loader.loads.size() == 3);

    chunks.close();

    loader.loads.values().forEach(f -> assertTrue(f.isCancelled(), "load cancelled"));
    DatabricksClientException e = assertThrows(DatabricksClientException.class, () -> {
      try {
        reader.join();
      } catch (java.util.concurrent.CompletionException ce) {
        throw ce.getCause();
      }
    });
    assertTrue(e.getMessage().contains("closed"), e.getMessage());
    assertThrows(DatabricksClientException.class, chunks::next);
  }

  @Test
  void aShortTotalIsAnError() {
    ManualLoader loader = new ManualLoader();
    ChunkPrefetcher chunks = new ChunkPrefetcher(loader, "r", 2, 5, 2, 2);
    CompletableFuture.runAsync(() -> {
      waitFor(() -> loader.loads.size() == 2);
      loader.finish(0, 2);
      loader.finish(1, 2);
    });
    chunks.next();
    chunks.next();
    IncompleteResultException e = assertThrows(IncompleteResultException.class, chunks::next);
    assertTrue(e.getMessage().contains("has 4 rows in 2 chunks, the manifest says 5"), e.getMessage());
  }

  @Test
  void aFailedChunkFailsTheReaderWithItsOwnException() {
    ManualLoader loader = new ManualLoader();
    ChunkPrefetcher chunks = new ChunkPrefetcher(loader, "r", 2, -1, 2, 2);
    CompletableFuture.runAsync(() -> {
      waitFor(() -> loader.loads.size() == 2);
      loader.loads.get(0).completeExceptionally(new IncompleteResultException("chunk 0 is missing"));
    });
    assertThrows(IncompleteResultException.class, chunks::next);
    chunks.close();
  }

  private static void waitFor(java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out");
      }
      Thread.onSpinWait();
    }
  }
}
