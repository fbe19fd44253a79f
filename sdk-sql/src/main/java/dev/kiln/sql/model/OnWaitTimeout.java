package dev.kiln.sql.model;

/** What the server does with a statement still running when {@code wait_timeout} ends. */
public enum OnWaitTimeout {
  /** Keep running; the SDK polls for the result (the default). */
  CONTINUE,
  /** Cancel it; the handle then fails with {@code StatementCanceledException}. */
  CANCEL
}
