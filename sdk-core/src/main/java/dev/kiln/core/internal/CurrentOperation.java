package dev.kiln.core.internal;

import java.util.function.Supplier;

/**
 * The long-running operation whose poll or cancel the current thread is making, so that the
 * requests it sends name the operation in their listener events.
 */
public final class CurrentOperation {
  private static final ThreadLocal<String[]> CURRENT = new ThreadLocal<>();

  private CurrentOperation() {}

  /** Runs {@code action} with the operation {@code kind}/{@code id} current on this thread. */
  public static <T> T with(String kind, String id, Supplier<T> action) {
    String[] previous = CURRENT.get();
    CURRENT.set(new String[] {kind, id});
    try {
      return action.get();
    } finally {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }

  /** The current operation's kind, or null. */
  static String kind() {
    String[] op = CURRENT.get();
    return op == null ? null : op[0];
  }

  /** The current operation's id, or null. */
  static String id() {
    String[] op = CURRENT.get();
    return op == null ? null : op[1];
  }
}
