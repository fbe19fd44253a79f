package dev.kiln.core.internal;

import java.util.function.Supplier;

/**
 * What the current thread is doing for Kiln, so that the listener events of work it starts can name
 * where that work comes from: the long-running operation whose poll or cancel it is sending, or the
 * call whose answer it is handing over (continuations run inside that hand-over).
 */
public final class EventScope {
  private static final ThreadLocal<String[]> OPERATION = new ThreadLocal<>();
  private static final ThreadLocal<Long> HANDING_OVER = new ThreadLocal<>();

  private EventScope() {}

  /** Runs {@code action} with the operation {@code kind}/{@code id} current on this thread. */
  public static <T> T inOperation(String kind, String id, Supplier<T> action) {
    String[] previous = OPERATION.get();
    OPERATION.set(new String[] {kind, id});
    try {
      return action.get();
    } finally {
      restore(OPERATION, previous);
    }
  }

  /** Runs {@code action} (completing call {@code callId}'s result) with that call current on this thread. */
  public static void handingOver(long callId, Runnable action) {
    Long previous = HANDING_OVER.get();
    HANDING_OVER.set(callId);
    try {
      action.run();
    } finally {
      restore(HANDING_OVER, previous);
    }
  }

  private static <T> void restore(ThreadLocal<T> local, T previous) {
    if (previous == null) {
      local.remove();
    } else {
      local.set(previous);
    }
  }

  /** The current operation's kind, or null. */
  public static String operationKind() {
    String[] op = OPERATION.get();
    return op == null ? null : op[0];
  }

  /** The current operation's id, or null. */
  public static String operationId() {
    String[] op = OPERATION.get();
    return op == null ? null : op[1];
  }

  /** The call whose answer this thread is handing over, or 0. */
  public static long handingOverCall() {
    Long id = HANDING_OVER.get();
    return id == null ? 0 : id;
  }
}
