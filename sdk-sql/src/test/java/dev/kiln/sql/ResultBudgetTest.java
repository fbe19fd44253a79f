package dev.kiln.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Iterator;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The byte budget, counted through the result's accounting hook, with chunks far larger than it. */
class ResultBudgetTest extends LinkedResultFixture {
  static final long BUDGET = 16 * 1024;

  @Test
  void chunksLargerThanTheWholeBudgetStreamThroughIt() throws Exception {
    int chunks = 6;
    int rows = 2000; // about 110 KiB of JSON per chunk, 7 times the budget
    assertTrue(body(0, rows).length() > 6 * BUDGET);
    SqlOptions options = SqlOptions.builder().resultMemoryBudget(BUDGET).build();

    long expected = 1;
    try (StatementResult result = result(chunks, rows, options)) {
      for (Row row : result.rows()) {
        assertEquals(expected, row.getLong("id"));
        assertTrue(row.getString("txt").endsWith(Long.toString(expected)));
        expected++;
      }
    }
    assertEquals(chunks * rows + 1, expected);
    assertTrue(peakHeld.get() > 0, "bytes were buffered ahead of the reader");
    assertTrue(peakHeld.get() <= BUDGET, "held at most the budget, peak " + peakHeld.get());
    assertEquals(0, held.get(), "everything given back at the end");
    assertEquals(chunks, downloads.size(), "each chunk downloaded once");
  }

  @Test
  void aReaderThatStopsHoldsFetchingBackAtTheBudget() throws Exception {
    int chunks = 40;
    int rows = 400; // about 22 KiB per chunk: no chunk fits the budget, so none finishes while the reader waits
    SqlOptions options = SqlOptions.builder().resultMemoryBudget(BUDGET).downloadParallelism(64).build();

    try (StatementResult result = result(chunks, rows, options)) {
      Iterator<Row> it = result.rows().iterator();
      assertEquals(1L, it.next().getLong("id"));

      // The reader pauses: downloads fill the budget and then have no room to go on.
      awaitTrue(() -> held.get() == BUDGET);
      // Each download starts with one segment of room (1 KiB of 16), the reader's own chunk without.
      int started = downloads.size();
      assertTrue(started <= 17, "downloads started while the reader paused: " + started);
      assertTrue(started < chunks);
      assertEquals(BUDGET, held.get(), "still full: nothing more was buffered without the reader");

      long n = 1;
      while (it.hasNext()) {
        assertEquals(++n, it.next().getLong("id"));
      }
      assertEquals((long) chunks * rows, n);
    }
    assertTrue(peakHeld.get() <= BUDGET, "peak " + peakHeld.get());
    Set<String> targets = downloads.stream().map(r -> r.getTarget()).collect(Collectors.toSet());
    assertEquals(chunks, targets.size());
    assertEquals(chunks, downloads.size(), "each chunk downloaded once");
  }

  @Test
  void lz4ChunksAreDecodedAheadOfTheReaderWithinTheBudget() throws Exception {
    lz4 = true;
    long budget = 512 * 1024; // room for a few 64 KB decoders and their decoded bytes
    int chunks = 8;
    int rows = 2000; // about 110 KiB of JSON per chunk, a fraction of that as LZ4
    SqlOptions options = SqlOptions.builder().resultMemoryBudget(budget).build();

    try (StatementResult result = result(chunks, rows, options)) {
      Iterator<Row> it = result.rows().iterator();
      assertEquals(1L, it.next().getLong("id"));
      // The reader pauses: downloads decode ahead until the decoded bytes and block buffers fill the budget,
      // far more than the frames they came from.
      long frames = 0;
      for (int i = 0; i < chunks; i++) {
        frames += lz4Frame(body(i, rows).getBytes(java.nio.charset.StandardCharsets.UTF_8)).length;
      }
      assertTrue(frames < budget / 2, "all frames together would fit the budget twice: " + frames);
      awaitTrue(() -> held.get() > budget - 64 * 1024);
      long n = 1;
      while (it.hasNext()) {
        assertEquals(++n, it.next().getLong("id"));
      }
      assertEquals((long) chunks * rows, n);
    }
    // Only the chunk the reader needs may go past the budget, by its decoder's two 64 KB block buffers, when
    // it must decode that chunk itself.
    assertTrue(peakHeld.get() <= budget + 2 * (64 * 1024 + 16), "peak " + peakHeld.get());
    assertEquals(0, held.get(), "everything given back at the end");
    assertEquals(chunks, downloads.size(), "each chunk downloaded once");
  }

  @Test
  void closingGivesEveryBufferedByteBackAndStopsTheDownloads() throws Exception {
    SqlOptions options = SqlOptions.builder().resultMemoryBudget(BUDGET).build();
    StatementResult result = result(30, 400, options);
    Iterator<Row> it = result.rows().iterator();
    it.next();
    awaitTrue(() -> held.get() == BUDGET);

    result.close();

    awaitTrue(() -> held.get() == 0);
    awaitTrue(() -> bufferingThreads() == 0);
  }
}
