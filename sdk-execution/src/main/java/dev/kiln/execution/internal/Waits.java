package dev.kiln.execution.internal;

import dev.kiln.core.Futures;
import dev.kiln.core.error.DatabricksClientException;
import dev.kiln.core.error.OperationTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Blocking waits that must finish even on an interrupted thread. */
public final class Waits {
  private Waits() {}

  /**
   * Waits for cleanup (destroying a context) even if the thread is interrupted — which is exactly
   * when try-with-resources runs close() after an interrupted execute — then restores the flag.
   */
  public static <T> T joinUninterruptibly(CompletableFuture<T> future, Duration max) {
    boolean interrupted = Thread.interrupted();
    long deadline = System.nanoTime() + max.toNanos();
    try {
      while (true) {
        try {
          return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          Throwable cause = Futures.unwrap(e);
          if (cause instanceof RuntimeException) {
            throw (RuntimeException) cause;
          }
          if (cause instanceof Error) {
            throw (Error) cause;
          }
          throw new DatabricksClientException(String.valueOf(cause.getMessage()), cause);
        } catch (TimeoutException e) {
          throw new OperationTimeoutException("not done after " + max);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
