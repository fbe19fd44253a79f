package dev.kiln.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

/** {@link StatementResult#rowPublisher()}: demand, cancellation, errors and serial signals. */
class RowPublisherTest extends LinkedResultFixture {
  static final long BUDGET = 16 * 1024;

  /** Records what it is sent; requests only when the test says so (or {@code perRow} from onNext). */
  static final class Recorder implements Flow.Subscriber<Row> {
    final List<Long> ids = new CopyOnWriteArrayList<>();
    final AtomicLong requested = new AtomicLong();
    final AtomicInteger inside = new AtomicInteger();
    final AtomicInteger overlaps = new AtomicInteger();
    final AtomicInteger overDemand = new AtomicInteger();
    final CompletableFuture<Void> done = new CompletableFuture<>();
    final AtomicReference<Thread> lastThread = new AtomicReference<>();
    volatile Flow.Subscription subscription;
    boolean perRow;

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
    }

    void request(long n) {
      requested.accumulateAndGet(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
      subscription.request(n);
    }

    @Override
    public void onNext(Row row) {
      if (inside.incrementAndGet() > 1) {
        overlaps.incrementAndGet();
      }
      ids.add(row.getLong("id"));
      if (ids.size() > requested.get()) {
        overDemand.incrementAndGet();
      }
      lastThread.set(Thread.currentThread());
      if (perRow) {
        request(1); // re-entrant request: continues the same loop, no nested onNext
      }
      inside.decrementAndGet();
    }

    @Override
    public void onError(Throwable t) {
      done.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      done.complete(null);
    }
  }

  @Test
  void rowsArriveOnlyAgainstDemandAndFetchingStopsWithoutIt() throws Exception {
    int chunks = 30;
    int rows = 400;
    SqlOptions options = SqlOptions.builder().resultMemoryBudget(BUDGET).downloadParallelism(64).build();
    try (StatementResult result = result(chunks, rows, options)) {
      Recorder r = new Recorder();
      result.rowPublisher().subscribe(r);
      assertEquals(0, downloads.size(), "nothing is fetched before the first request");

      r.request(3);
      awaitTrue(() -> r.ids.size() == 3);
      // No demand: the pass stops parsing; downloads fill the budget and stop there.
      awaitTrue(() -> held.get() == BUDGET);
      int started = downloads.size();
      assertTrue(started <= 17, "downloads while no rows were wanted: " + started);
      assertEquals(3, r.ids.size(), "no row beyond the demand");

      r.request(Long.MAX_VALUE); // unbounded from here
      r.done.get(10, TimeUnit.SECONDS);
      assertEquals((long) chunks * rows, r.ids.size());
      for (int i = 0; i < r.ids.size(); i++) {
        assertEquals(i + 1L, r.ids.get(i));
      }
      assertEquals(0, r.overDemand.get());
      assertTrue(r.lastThread.get().getName().startsWith("kiln-worker"), r.lastThread.get().getName());
    }
    assertEquals(chunks, downloads.size(), "each chunk downloaded once");
  }

  @Test
  void onNextIsNeverConcurrentEvenWithRequestsFromEveryThread() throws Exception {
    try (StatementResult result = result(8, 300, SqlOptions.builder().resultMemoryBudget(BUDGET).build())) {
      Recorder r = new Recorder();
      r.perRow = true;
      result.rowPublisher().subscribe(r);
      r.request(1);
      List<CompletableFuture<Void>> others = new CopyOnWriteArrayList<>();
      for (int i = 0; i < 4; i++) {
        others.add(CompletableFuture.runAsync(() -> {
          for (int k = 0; k < 50; k++) {
            r.request(1);
          }
        }));
      }
      r.done.get(10, TimeUnit.SECONDS);
      CompletableFuture.allOf(others.toArray(new CompletableFuture<?>[0])).join();
      assertEquals(0, r.overlaps.get(), "onNext calls overlapped (rule 1.3)");
      assertEquals(0, r.overDemand.get());
      assertEquals(8 * 300, r.ids.size());
    }
  }

  @Test
  void cancelStopsTheDownloadsAndFreesTheirBytes() throws Exception {
    SqlOptions options = SqlOptions.builder().resultMemoryBudget(BUDGET).build();
    try (StatementResult result = result(30, 400, options)) {
      Recorder r = new Recorder();
      result.rowPublisher().subscribe(r);
      r.request(1);
      awaitTrue(() -> r.ids.size() == 1);
      awaitTrue(() -> held.get() == BUDGET);

      r.subscription.cancel();

      awaitTrue(() -> held.get() == 0);
      awaitTrue(() -> bufferingThreads() == 0);
      // Counted as Kiln sends them: a download sent just before the cancel may reach the server later.
      int afterCancel = downloadsSent.get();
      r.request(5); // ignored after cancel (rule 3.6)
      assertEquals(1, r.ids.size());
      assertEquals(afterCancel, downloadsSent.get());
      assertTrue(!r.done.isDone(), "no terminal signal after cancel");
    }
  }

  @Test
  void anIncompleteResultArrivesThroughOnError() throws Exception {
    bodies.put("/c1", new MockResponse.Builder().code(200).body("[[\"3\",\"x\"]]").build()); // 1 row, not 2
    try (StatementResult result = result(2, 2, SqlOptions.builder().maxLinkRefreshes(0).build())) {
      Recorder r = new Recorder();
      result.rowPublisher().subscribe(r);
      r.request(Long.MAX_VALUE);
      Throwable e = assertThrowsCause(r.done);
      assertInstanceOf(IncompleteResultException.class, e);
      assertTrue(e.getMessage().contains("chunk 1 of statement b1 has 1 rows, the manifest says 2"), e.getMessage());
      assertEquals(List.of(1L, 2L, 3L), r.ids);
    }
  }

  @Test
  void aNonPositiveRequestIsAnError() throws Exception {
    try (StatementResult result = result(1, 2, SqlOptions.defaults())) {
      Recorder r = new Recorder();
      result.rowPublisher().subscribe(r);
      r.subscription.request(0);
      assertInstanceOf(IllegalArgumentException.class, assertThrowsCause(r.done));
    }
  }

  private static Throwable assertThrowsCause(CompletableFuture<Void> done) throws Exception {
    try {
      done.get(10, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      return e.getCause();
    }
    throw new AssertionError("completed normally");
  }
}
