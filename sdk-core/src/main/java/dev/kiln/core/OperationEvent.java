package dev.kiln.core;

import java.util.Objects;

/** A poll or status change of long-running work, as {@link ClientListener}s see it. */
public final class OperationEvent {
  private final String kind;
  private final String id;
  private final String status;
  private final int polls;

  /** For Kiln's poller (and listener tests); users receive these, they do not build them. */
  public OperationEvent(String kind, String id, String status, int polls) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.id = Objects.requireNonNull(id, "id");
    this.status = status;
    this.polls = polls;
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

  @Override
  public String toString() {
    return "OperationEvent[" + kind + " " + id + " status=" + status + " polls=" + polls + "]";
  }
}
