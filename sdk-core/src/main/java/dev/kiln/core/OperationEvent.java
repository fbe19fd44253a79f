package dev.kiln.core;

import java.util.Objects;
import java.util.Optional;

/** A poll or status change of long-running work, as {@link ClientListener}s see it. */
public final class OperationEvent {
  private final String kind;
  private final String id;
  private final String status;
  private final int polls;
  private final String errorType;
  private final long callId;

  /** For Kiln's poller (and listener tests); users receive these, they do not build them. */
  public OperationEvent(String kind, String id, String status, int polls) {
    this(kind, id, status, polls, null);
  }

  /**
   * As above, with the fully qualified class name of the exception the operation failed with
   * ({@link ClientListener#operationFinished} only; null when it succeeded).
   */
  public OperationEvent(String kind, String id, String status, int polls, String errorType) {
    this(kind, id, status, polls, errorType, 0);
  }

  /**
   * As above, with the call (its {@link RequestEvent#callId()}) whose answer started the operation
   * ({@link ClientListener#operationStarted} only; 0 when none).
   */
  public OperationEvent(String kind, String id, String status, int polls, String errorType, long callId) {
    this.callId = callId;
    this.kind = Objects.requireNonNull(kind, "kind");
    this.id = Objects.requireNonNull(id, "id");
    this.status = status;
    this.polls = polls;
    this.errorType = errorType;
  }

  /** What the operation is: {@code statement}, {@code command}, {@code context}, {@code genie message}, ... */
  public String kind() {
    return kind;
  }

  /**
   * The operation's id on the server: statement id, command id, context id, message id, endpoint
   * name.
   */
  public String id() {
    return id;
  }

  /** The status as the server wrote it (unknown values kept), or null before the first answer. */
  public String status() {
    return status;
  }

  /** Polls made so far for this operation. */
  public int polls() {
    return polls;
  }

  /**
   * In {@link ClientListener#operationFinished}: the fully qualified class name of the exception the
   * operation failed with (a failed terminal state, a timeout, a cancellation, a closed client);
   * empty when it produced its result.
   */
  public Optional<String> errorType() {
    return Optional.ofNullable(errorType);
  }

  /**
   * In {@link ClientListener#operationStarted}: the call whose answer (handed over on this thread)
   * started the operation, e.g. the submit that named it; 0 when the operation was started otherwise.
   */
  public long callId() {
    return callId;
  }

  @Override
  public String toString() {
    return "OperationEvent[" + kind + " " + id + " status=" + status + " polls=" + polls
        + (errorType == null ? "" : " error=" + errorType) + "]";
  }
}
