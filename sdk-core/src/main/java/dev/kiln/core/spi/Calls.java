package dev.kiln.core.spi;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The one call shape of every Kiln client: {@code fooAsync(..)} never throws, and {@code foo(..)}
 * throws the same typed exceptions unwrapped.
 *
 * <pre>{@code
 * public CompletableFuture<Query> getQueryAsync(String id) {
 *   return Calls.async(() -> db.callAsync(ApiRequest.get("/api/2.0/sql/queries/{id}", Args.id(id, "id")).build(), Query.class));
 * }
 * public Query getQuery(String id) {
 *   return Calls.join(getQueryAsync(id));
 * }
 * }</pre>
 */
public final class Calls {
  private Calls() {}

  /**
   * Runs {@code body} (argument checks, then starting the call) and returns its future; anything it
   * throws (an {@code InvalidRequestException} for bad input) becomes a failed future instead.
   */
  public static <T> CompletableFuture<T> async(Supplier<? extends CompletableFuture<T>> body) {
    CompletableFuture<T> f;
    try {
      f = body.get();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    if (f == null) {
      return CompletableFuture.failedFuture(new IllegalStateException("an async call returned no future"));
    }
    return f;
  }

  /** Waits for an async twin: typed exceptions unwrapped, an interrupt cancels the work. */
  public static <T> T join(CompletableFuture<T> future) {
    return Futures.join(future);
  }
}
