package dev.kiln.core;

/**
 * Sees what a {@link DatabricksClient} does, for metrics and tracing: each HTTP attempt sent and
 * answered, each retry scheduled, each poll of long-running work and each status change. Register
 * with {@link DatabricksClient.Builder#listener(ClientListener)}.
 *
 * <p>Events carry the method, the path template (ids replaced by placeholders such as
 * {@code {statement_id}}), status, duration, attempt and request id; never a header, query value,
 * body or token. Callbacks run on Kiln's or the caller's threads and must return quickly; an
 * exception thrown by one is logged and ignored.
 */
public interface ClientListener {
  /** An attempt is about to be sent. */
  default void requestSent(RequestEvent event) {}

  /**
   * An attempt ended: with a status code, or with {@link RequestEvent#statusCode()} -1 when no
   * answer came (connect failure, reset, timeout).
   */
  default void responseReceived(RequestEvent event) {}

  /** The attempt just reported will be tried again after {@link RequestEvent#retryDelay()}. */
  default void retryScheduled(RequestEvent event) {}

  /** A long-running operation was polled. */
  default void polled(OperationEvent event) {}

  /** A long-running operation reached a new status (each status once, in order). */
  default void statusChanged(OperationEvent event) {}

  /** A listener that ignores everything. */
  static ClientListener none() {
    return NoListener.INSTANCE;
  }
}

/** The shared no-op listener. */
enum NoListener implements ClientListener {
  INSTANCE
}
