package dev.kiln.core;

/**
 * Sees what a {@link DatabricksClient} does, for metrics and tracing: each call (a logical request)
 * started and finished, each HTTP attempt sent and answered, each retry scheduled, each long-running
 * operation started, polled, changing status and finished. Register with
 * {@link DatabricksClient.Builder#listener(ClientListener)}.
 *
 * <p>Order for one call: {@code callStarted}, then per attempt {@code requestSent},
 * {@code responseReceived} (and {@code retryScheduled} when another attempt follows), then
 * {@code callFinished}; all carry the same {@link RequestEvent#callId()}. {@code callStarted} and
 * {@code operationStarted} run on the thread that made the call or started the operation, so a
 * listener can pick up that thread's context (a tracing span) there. Requests made to poll or
 * cancel an operation name it ({@link RequestEvent#operationKind()}, {@link RequestEvent#operationId()});
 * work started by a continuation of an async call names that call
 * ({@link RequestEvent#parentCallId()}, {@link OperationEvent#callId()}), whose {@code callFinished}
 * comes after its continuations ran.
 *
 * <p>Events carry the method, the path template (ids replaced by placeholders such as
 * {@code {statement_id}}), status, duration, attempt and request id; never a header, query value,
 * body or token. Callbacks run on Kiln's or the caller's threads and must return quickly; an
 * exception thrown by one is logged and ignored.
 */
public interface ClientListener {
  /**
   * A call starts, before credentials are fetched and its first attempt is sent; on the caller's
   * thread. {@link RequestEvent#attempt()} is 0.
   */
  default void callStarted(RequestEvent event) {}

  /**
   * A call ended, after its last attempt (or when it was cancelled or its client closed): the last
   * status and request id, the attempts made, the whole time taken, and
   * {@link RequestEvent#errorType()} when it failed.
   */
  default void callFinished(RequestEvent event) {}

  /** An attempt is about to be sent. */
  default void requestSent(RequestEvent event) {}

  /**
   * An attempt ended: with a status code, or with {@link RequestEvent#statusCode()} -1 when no
   * answer came (connect failure, reset, timeout).
   */
  default void responseReceived(RequestEvent event) {}

  /** The attempt just reported will be tried again after {@link RequestEvent#retryDelay()}. */
  default void retryScheduled(RequestEvent event) {}

  /**
   * A long-running operation is being followed, from the moment its handle exists (after the
   * submitting call); on the thread that started it. The status is null and polls 0.
   */
  default void operationStarted(OperationEvent event) {}

  /**
   * A long-running operation ended: terminal status reached, or it failed, timed out, was cancelled
   * or its client closed ({@link OperationEvent#errorType()} set). Carries the last status and the polls made.
   */
  default void operationFinished(OperationEvent event) {}

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
