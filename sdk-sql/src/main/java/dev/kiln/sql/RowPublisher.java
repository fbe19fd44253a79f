package dev.kiln.sql;

import dev.kiln.sql.internal.ChunkData;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * {@link StatementResult#rowPublisher()}: each subscription is one pass over the rows, opened at
 * the first request. Rows are handed out only against demand, from one drain task at a time on the
 * client's executor (so {@code onNext} calls never overlap, and a request made inside
 * {@code onNext} continues the same loop instead of nesting). With no demand nothing is parsed and
 * downloading stops once the reader's memory budget is full. Cancelling closes the pass: downloads
 * in flight are aborted and buffered bytes dropped.
 */
final class RowPublisher implements Flow.Publisher<Row> {
  private final Supplier<RowCursor> open;
  private final RowSchema schema;
  private final Executor executor;

  RowPublisher(Supplier<RowCursor> open, RowSchema schema, Executor executor) {
    this.open = open;
    this.schema = schema;
    this.executor = executor;
  }

  /** Starts a new pass over the rows for this subscriber, opened at its first request. */
  @Override
  public void subscribe(Flow.Subscriber<? super Row> subscriber) {
    if (subscriber == null) {
      throw new NullPointerException("subscriber"); // rule 1.9
    }
    Pass pass = new Pass(subscriber);
    subscriber.onSubscribe(pass);
  }

  private final class Pass implements Flow.Subscription, Runnable {
    private final Flow.Subscriber<? super Row> subscriber;
    private final AtomicLong demand = new AtomicLong();
    private final AtomicInteger work = new AtomicInteger();
    private final AtomicBoolean done = new AtomicBoolean();
    private volatile boolean cancelled;
    private volatile Throwable badRequest;
    private RowCursor cursor;
    private ChunkData batch;
    private int position;

    Pass(Flow.Subscriber<? super Row> subscriber) {
      this.subscriber = subscriber;
    }

    @Override
    public void request(long n) {
      if (n <= 0) {
        badRequest = new IllegalArgumentException("request(" + n + "): demand must be positive (rule 3.9)");
      } else {
        demand.accumulateAndGet(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
      }
      schedule();
    }

    @Override
    public void cancel() {
      cancelled = true;
      schedule(); // the drain closes the cursor on its own thread, never concurrently with a read
    }

    private void schedule() {
      if (work.getAndIncrement() == 0) {
        try {
          executor.execute(this);
        } catch (RuntimeException rejected) {
          finish(rejected);
        }
      }
    }

    @Override
    public void run() {
      int missed = 1;
      while (true) {
        drain();
        missed = work.addAndGet(-missed);
        if (missed == 0) {
          return;
        }
      }
    }

    private void drain() {
      try {
        while (!done.get()) {
          if (cancelled) {
            close();
            done.set(true);
            return;
          }
          if (badRequest != null) {
            finish(badRequest);
            return;
          }
          if (demand.get() == 0) {
            return;
          }
          if (batch == null || position == batch.rowCount()) {
            if (cursor == null) {
              cursor = open.get();
            }
            batch = null;
            ChunkData next = cursor.nextBatch(); // waits only for bytes in flight
            if (next == null) {
              finish(null);
              return;
            }
            batch = next;
            position = 0;
            continue;
          }
          demand.decrementAndGet();
          subscriber.onNext(new Row(schema, batch, position++));
        }
      } catch (RuntimeException e) {
        finish(e);
      }
    }

    private void finish(Throwable error) {
      close();
      if (done.compareAndSet(false, true) && !cancelled) {
        if (error == null) {
          subscriber.onComplete();
        } else {
          subscriber.onError(error);
        }
      }
    }

    private void close() {
      batch = null;
      if (cursor != null) {
        cursor.close();
      }
    }
  }
}
