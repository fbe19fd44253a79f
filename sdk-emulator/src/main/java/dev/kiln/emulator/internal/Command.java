package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One API 1.2 command: Queued → Running → Finished (also for errors, as on Databricks) | Error (the
 * emulator stopped it, e.g. the timeout) | Cancelling → Cancelled.
 */
final class Command {
  enum Status {
    QUEUED("Queued"),
    RUNNING("Running"),
    CANCELLING("Cancelling"),
    FINISHED("Finished"),
    CANCELLED("Cancelled"),
    ERROR("Error");

    final String wire;

    Status(String wire) {
      this.wire = wire;
    }

    boolean isTerminal() {
      return this == FINISHED || this == CANCELLED || this == ERROR;
    }
  }

  private final String id;
  private final String language;
  private final String code;
  private final int number;
  private final StateChanges changes;
  private Status status = Status.QUEUED;
  private ObjectNode results;
  private Runnable interrupter;

  Command(String id, String language, String code, int number, StateChanges changes) {
    this.id = id;
    this.language = language;
    this.code = code;
    this.number = number;
    this.changes = changes;
  }

  String id() {
    return id;
  }

  String language() {
    return language;
  }

  String code() {
    return code;
  }

  /** 1, 2, 3... within the context; Python tracebacks name the command {@code <command-N>}. */
  int number() {
    return number;
  }

  synchronized Status status() {
    return status;
  }

  /** Queued → Running; false when it was cancelled while queued. */
  synchronized boolean begin() {
    if (status != Status.QUEUED) {
      return false;
    }
    moveTo(Status.RUNNING);
    return true;
  }

  /**
   * Registers how to stop the running work (kill the Python process, cancel the JDBC statement); runs it at
   * once if a cancel came first.
   */
  void onCancel(Runnable stop) {
    boolean cancelNow;
    synchronized (this) {
      interrupter = stop;
      cancelNow = status == Status.CANCELLING;
    }
    if (cancelNow) {
      stop.run();
    }
  }

  synchronized boolean isCancelling() {
    return status == Status.CANCELLING;
  }

  /** Records the outcome, unless a cancel got there first (then it is Cancelled). */
  synchronized void finish(Status outcome, ObjectNode outcomeResults) {
    if (status.isTerminal()) {
      return;
    }
    if (status == Status.CANCELLING) {
      moveTo(Status.CANCELLED);
      return;
    }
    results = outcomeResults;
    moveTo(outcome);
  }

  /** Every status change goes through here, so waiters hear of it. Called with this command's lock held. */
  private void moveTo(Status next) {
    status = next;
    changes.changed();
  }

  /** Queued → Cancelled at once; Running → Cancelling, and the work is stopped. */
  void cancel() {
    Runnable stop;
    synchronized (this) {
      if (status == Status.QUEUED) {
        moveTo(Status.CANCELLED);
        return;
      }
      if (status != Status.RUNNING) {
        return;
      }
      moveTo(Status.CANCELLING);
      stop = interrupter;
    }
    if (stop != null) {
      stop.run();
    }
  }

  synchronized ObjectNode toJson() {
    ObjectNode json = Json.object().put("id", id).put("status", status.wire);
    if (results != null) {
      json.set("results", results);
    } else {
      json.putNull("results");
    }
    return json;
  }
}
