package dev.kiln.core.spi;

import dev.kiln.core.error.DatabricksClientException;
import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.core.error.OperationInterruptedException;
import dev.kiln.core.error.OperationTimeoutException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Blocking on Kiln futures (typed exceptions come out unwrapped, interrupts are honoured) and
 * composing them so that cancelling a derived future cancels the work it came from.
 */
public final class Futures {
  private Futures() {}

  /** Waits for the future; an interrupt cancels it, sets the flag again and throws. */
  public static <T> T join(CompletableFuture<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new OperationInterruptedException("interrupted while waiting", e);
    } catch (ExecutionException e) {
      throw rethrow(e);
    }
  }

  /**
   * Waits at most {@code timeout}; on timeout throws {@link OperationTimeoutException} and leaves
   * the future running (the operation is not cancelled).
   */
  public static <T> T join(CompletableFuture<T> future, Duration timeout) {
    if (timeout == null) {
      throw new InvalidRequestException("timeout must not be null");
    }
    if (timeout.isNegative()) {
      throw new InvalidRequestException("timeout must not be negative, was " + timeout);
    }
    try {
      return future.get(TimeUnit.NANOSECONDS.convert(timeout), TimeUnit.NANOSECONDS); // saturates
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new OperationInterruptedException("interrupted while waiting", e);
    } catch (ExecutionException e) {
      throw rethrow(e);
    } catch (TimeoutException e) {
      throw new OperationTimeoutException("not done after " + timeout);
    }
  }

  /**
   * {@code source.thenApply(fn)}, except that cancelling the result also cancels {@code source}:
   * plain derived futures do not pass cancellation back, so an HTTP call or poll would go on.
   */
  public static <T, U> CompletableFuture<U> map(CompletableFuture<T> source, java.util.function.Function<? super T, ? extends U> fn) {
    return propagateCancel(source.thenApply(fn), source);
  }

  /**
   * {@code source.thenCompose(fn)}, except that cancelling the result cancels {@code source} and
   * the step {@code fn} started, also when the cancel lands while {@code fn} is still running.
   */
  public static <T, U> CompletableFuture<U> compose(CompletableFuture<T> source,
      java.util.function.Function<? super T, ? extends CompletableFuture<U>> fn) {
    CompletableFuture<U> result = new CompletableFuture<>();
    java.util.concurrent.atomic.AtomicReference<CompletableFuture<U>> step = new java.util.concurrent.atomic.AtomicReference<>();
    source.whenComplete((t, error) -> {
      if (error != null) {
        result.completeExceptionally(error);
        return;
      }
      if (result.isDone()) {
        return;
      }
      CompletableFuture<U> next;
      try {
        next = fn.apply(t);
      } catch (RuntimeException | Error e) {
        result.completeExceptionally(e);
        return;
      }
      step.set(next);
      if (result.isCancelled()) { // cancelled while fn ran: the listener below saw no step yet
        next.cancel(true);
        return;
      }
      next.whenComplete((u, e) -> {
        if (e != null) {
          result.completeExceptionally(e);
        } else {
          result.complete(u);
        }
      });
    });
    result.whenComplete((u, e) -> {
      if (result.isCancelled()) {
        source.cancel(true);
        CompletableFuture<U> next = step.get();
        if (next != null) {
          next.cancel(true);
        }
      }
    });
    return result;
  }

  /** Makes cancelling {@code derived} cancel {@code source} too; returns {@code derived}. */
  public static <U> CompletableFuture<U> propagateCancel(CompletableFuture<U> derived, CompletableFuture<?> source) {
    derived.whenComplete((u, e) -> {
      if (derived.isCancelled()) {
        source.cancel(true);
      }
    });
    return derived;
  }

  /** The exception a failed future holds, without CompletionException/ExecutionException wrappers. */
  public static Throwable unwrap(Throwable t) {
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private static RuntimeException rethrow(ExecutionException e) {
    Throwable cause = unwrap(e);
    if (cause instanceof RuntimeException) {
      return (RuntimeException) cause;
    }
    if (cause instanceof Error) {
      throw (Error) cause;
    }
    if (cause instanceof CancellationException) {
      return (CancellationException) cause;
    }
    return new DatabricksClientException(String.valueOf(cause.getMessage()), cause);
  }
}
