package dev.kiln.core.spi;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class FuturesTest {
  @Test
  void cancellingAMappedFutureCancelsItsSource() {
    CompletableFuture<String> source = new CompletableFuture<>();
    CompletableFuture<Integer> mapped = Futures.map(source, String::length);
    mapped.cancel(true);
    assertTrue(source.isCancelled());
  }

  @Test
  void cancellingAComposedFutureCancelsTheRunningStep() {
    CompletableFuture<String> source = new CompletableFuture<>();
    CompletableFuture<Integer> step = new CompletableFuture<>();
    CompletableFuture<Integer> composed = Futures.compose(source, s -> step);
    source.complete("x");
    composed.cancel(true);
    assertTrue(step.isCancelled());
  }

  @Test
  void aCancelLandingWhileTheNextStepIsCreatedStillCancelsIt() {
    CompletableFuture<String> source = new CompletableFuture<>();
    CompletableFuture<Integer> step = new CompletableFuture<>();
    java.util.concurrent.atomic.AtomicReference<CompletableFuture<Integer>> composed = new java.util.concurrent.atomic.AtomicReference<>();
    composed.set(Futures.compose(source, s -> {
      composed.get().cancel(true); // the caller gives up while this step is being started
      return step;
    }));
    source.complete("x");
    assertTrue(composed.get().isCancelled());
    assertTrue(step.isCancelled());
  }

  @Test
  void composeCarriesResultsAndFailures() throws Exception {
    CompletableFuture<String> source = new CompletableFuture<>();
    CompletableFuture<Integer> composed = Futures.compose(source, s -> CompletableFuture.completedFuture(s.length()));
    source.complete("abc");
    org.junit.jupiter.api.Assertions.assertEquals(3, composed.get());
    CompletableFuture<String> failing = new CompletableFuture<>();
    CompletableFuture<Integer> failed = Futures.compose(failing, s -> CompletableFuture.completedFuture(1));
    failing.completeExceptionally(new IllegalStateException("boom"));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> Futures.join(failed));
  }
}
