package dev.kiln.core;

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
}
