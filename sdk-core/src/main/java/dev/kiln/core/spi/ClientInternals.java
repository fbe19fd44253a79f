package dev.kiln.core.spi;

import dev.kiln.core.ClientListener;
import dev.kiln.core.DatabricksClient;
import dev.kiln.core.Sleeper;
import java.time.Clock;
import java.util.Objects;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

/**
 * What Kiln's API modules need from a {@link DatabricksClient} beyond its public calls: its
 * threads, time source, close hooks and the registry of pending work. Users never see it: the
 * package is exported only to Kiln modules, and {@code DatabricksClient} keeps these methods off
 * its public surface.
 */
public abstract class ClientInternals {
  private static volatile Function<DatabricksClient, ClientInternals> accessor;

  /** The internals of {@code client}. */
  public static ClientInternals of(DatabricksClient client) {
    Objects.requireNonNull(client, "client");
    return accessor.apply(client); // set when DatabricksClient was initialised, which `client` proves
  }

  /** Called once by {@code DatabricksClient}'s static initialiser. */
  public static void install(Function<DatabricksClient, ClientInternals> value) {
    if (accessor != null) {
      throw new IllegalStateException("already installed");
    }
    accessor = value;
  }

  protected ClientInternals() {}

  /** The client's timer thread(s); never block in tasks scheduled on it. */
  public abstract ScheduledExecutorService scheduler();

  /**
   * For modules' blocking work off the caller's thread (reading chunks and event streams, calling
   * users' consumers); may block. Bounded (32 threads, started on demand, queued beyond): tasks here
   * must not wait for other tasks on this executor. Kiln's own async completions run on a separate
   * small pool, so they are never stuck behind this work.
   */
  public abstract Executor executor();

  public abstract Clock clock();

  public abstract Sleeper sleeper();

  /**
   * Registers a resource to close when the client closes (before its threads stop) or the JVM
   * exits. Close the returned registration to forget it once it was closed by other means. Throws
   * {@code ClientClosedException} when the client is closing.
   */
  public abstract Registration onClose(AutoCloseable resource);

  /**
   * Tracks a future of work this client started: if the client closes before it completes, it is
   * completed exceptionally with {@code ClientClosedException}. Returns {@code future}; a closed
   * client fails it at once.
   */
  public abstract <T> CompletableFuture<T> track(CompletableFuture<T> future);

  /** The listeners registered on the client builder (never null; a no-op when there are none). */
  public abstract ClientListener listener();

  /**
   * The headers the client's credentials add to a workspace request (e.g. {@code Authorization: Bearer …}),
   * fetched or refreshed as the credentials do. For exchanges that carry the workspace token in a body, such
   * as minting a serving endpoint's data-plane token; never log them.
   */
  public abstract CompletableFuture<Map<String, String>> credentialHeaders();

  /** A resource registered with {@link #onClose(AutoCloseable)}. */
  @FunctionalInterface
  public interface Registration extends AutoCloseable {
    /** Forgets the resource; it will not be closed by the client. */
    @Override
    void close();
  }
}
