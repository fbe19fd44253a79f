package dev.kiln.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class FuturesComposeTest {
  @Test
  void completesWithTheSecondStepsValue() {
    CompletableFuture<String> first = new CompletableFuture<>();
    CompletableFuture<Integer> out = Futures.compose(first, s -> CompletableFuture.completedFuture(s.length()));
    first.complete("four");
    assertEquals(4, out.join());
  }

  @Test
  void cancellingWhileTheFirstStepRunsCancelsItAndNeverStartsTheSecond() {
    CompletableFuture<String> first = new CompletableFuture<>();
    AtomicBoolean started = new AtomicBoolean();
    CompletableFuture<Integer> out = Futures.compose(first, s -> {
      started.set(true);
      return new CompletableFuture<>();
    });

    assertTrue(out.cancel(true));

    assertTrue(first.isCancelled());
    first.complete("late"); // no effect: already cancelled
    assertFalse(started.get());
  }

  @Test
  void cancellingWhileTheSecondStepRunsCancelsIt() {
    CompletableFuture<String> first = new CompletableFuture<>();
    CompletableFuture<Integer> second = new CompletableFuture<>();
    CompletableFuture<Integer> out = Futures.compose(first, s -> second);
    first.complete("go");

    assertTrue(out.cancel(true));

    assertTrue(second.isCancelled());
  }

  @Test
  void aCancelThatRacesTheStartOfTheSecondStepStillCancelsIt() {
    CompletableFuture<String> first = new CompletableFuture<>();
    CompletableFuture<Integer> second = new CompletableFuture<>();
    AtomicReference<CompletableFuture<Integer>> out = new AtomicReference<>();
    out.set(Futures.compose(first, s -> {
      out.get().cancel(true); // cancelled after the step began but before it was handed back
      return second;
    }));

    first.complete("go");

    assertTrue(out.get().isCancelled());
    assertTrue(second.isCancelled());
  }

  @Test
  void failuresArriveUnwrapped() {
    IllegalStateException boom = new IllegalStateException("boom");
    CompletableFuture<Integer> failedFirst = Futures.compose(
        CompletableFuture.<String>failedFuture(boom), s -> CompletableFuture.completedFuture(1));
    CompletableFuture<Integer> failedSecond = Futures.compose(
        CompletableFuture.completedFuture("x"), s -> CompletableFuture.failedFuture(boom));
    CompletableFuture<Integer> throwingStep = Futures.compose(
        CompletableFuture.completedFuture("x"), s -> {
          throw boom;
        });

    assertSame(boom, assertThrows(CompletionException.class, failedFirst::join).getCause());
    assertSame(boom, assertThrows(CompletionException.class, failedSecond::join).getCause());
    assertSame(boom, assertThrows(CompletionException.class, throwingStep::join).getCause());
  }
}
