package dev.kiln.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The guard's timer is driven by hand here: each scheduled check runs when the test says so. */
class StallGuardTest {
  /** Captures scheduled checks instead of running them. */
  static final class ManualTimer extends ScheduledThreadPoolExecutor {
    final List<Runnable> checks = new ArrayList<>();

    ManualTimer() {
      super(1);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
      checks.add(command);
      return super.schedule(() -> { }, 1, TimeUnit.DAYS);
    }

    void runLatest() {
      checks.get(checks.size() - 1).run();
    }
  }

  final ManualTimer timer = new ManualTimer();
  final AtomicBoolean upstreamCancelled = new AtomicBoolean();
  final AtomicReference<Throwable> failure = new AtomicReference<>();
  final AtomicReference<Flow.Subscription> downstreamSubscription = new AtomicReference<>();

  @AfterEach
  void stop() {
    timer.shutdownNow();
  }

  /** A guard with a 1 ns timeout: any check that counts silence at all finds it too long. */
  private StallGuard<Void> guard() {
    HttpResponse.BodySubscriber<Void> downstream = new HttpResponse.BodySubscriber<>() {
      final java.util.concurrent.CompletableFuture<Void> body = new java.util.concurrent.CompletableFuture<>();

      @Override
      public java.util.concurrent.CompletionStage<Void> getBody() {
        return body;
      }

      @Override
      public void onSubscribe(Flow.Subscription s) {
        downstreamSubscription.set(s); // requests nothing yet: a consumer busy elsewhere
      }

      @Override
      public void onNext(List<ByteBuffer> item) {}

      @Override
      public void onError(Throwable t) {
        failure.set(t);
      }

      @Override
      public void onComplete() {}
    };
    StallGuard<Void> g = new StallGuard<>(downstream, 1, Long.MAX_VALUE, timer,
        reason -> new IllegalStateException(reason.name()), x -> { });
    g.onSubscribe(new Flow.Subscription() {
      @Override
      public void request(long n) {}

      @Override
      public void cancel() {
        upstreamCancelled.set(true);
      }
    });
    return g;
  }

  @Test
  void silenceDoesNotCountWhileTheConsumerWantsNothing() {
    guard();
    assertEquals(1, timer.checks.size(), "one check armed at subscription");
    timer.runLatest();
    assertFalse(upstreamCancelled.get());
    assertEquals(2, timer.checks.size(), "re-armed for the next period, not per byte");
  }

  @Test
  void silenceWhileBytesAreWantedEndsTheBody() {
    guard();
    downstreamSubscription.get().request(1);
    timer.runLatest();
    assertTrue(upstreamCancelled.get(), "the connection is given up");
    assertEquals("SILENCE", failure.get().getMessage());
  }

  @Test
  void receivingWhatWasAskedForStopsTheClock() {
    StallGuard<Void> g = guard();
    downstreamSubscription.get().request(1);
    g.onNext(List.of(ByteBuffer.allocate(1)));
    timer.runLatest();
    assertFalse(upstreamCancelled.get(), "nothing outstanding after the one buffer asked for");
  }
}
