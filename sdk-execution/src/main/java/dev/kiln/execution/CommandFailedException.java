package dev.kiln.execution;

import dev.kiln.core.error.OperationFailedException;
import java.util.Optional;

/**
 * A command ran and failed on the cluster (an exception in Python, a SQL error, ...). The server's
 * summary arrives with HTML markup and the details (the stack trace) with ANSI colour codes;
 * {@link #summary()} and {@link #details()} are cleaned, the raw texts are kept too.
 */
public class CommandFailedException extends OperationFailedException {
  private static final long serialVersionUID = 1L;

  private final String commandId;
  private final String summary;
  private final String details;
  private final String rawSummary;
  private final String rawCause;

  public CommandFailedException(String commandId, String summary, String details, String rawSummary, String rawCause) {
    super("command " + commandId + " failed: " + headline(summary, details), commandId);
    this.commandId = commandId;
    this.summary = summary == null ? "" : summary;
    this.details = details == null ? "" : details;
    this.rawSummary = rawSummary;
    this.rawCause = rawCause;
  }

  public String commandId() {
    return commandId;
  }

  /** One-line description of the error without HTML, e.g. {@code NameError: name 'x' is not defined}. */
  public String summary() {
    return summary;
  }

  /** The error's details (usually a stack trace) without ANSI colour codes. */
  public String details() {
    return details;
  }

  /** {@code results.summary} as sent (may hold HTML). */
  public Optional<String> rawSummary() {
    return Optional.ofNullable(rawSummary);
  }

  /** {@code results.cause} as sent (may hold ANSI colour codes). */
  public Optional<String> rawCause() {
    return Optional.ofNullable(rawCause);
  }

  private static String headline(String summary, String details) {
    String text = summary != null && !summary.isBlank() ? summary : details;
    if (text == null || text.isBlank()) {
      return "no error message from the cluster";
    }
    return text.strip().lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
  }
}
