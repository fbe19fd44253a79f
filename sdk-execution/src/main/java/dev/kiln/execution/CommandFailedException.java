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

  /** The failed command. */
  private final String commandId;
  /** The cleaned one-line description; never null. */
  private final String summary;
  /** The cleaned details; never null. */
  private final String details;
  /** {@code results.summary} as sent; may be null. */
  private final String rawSummary;
  /** {@code results.cause} as sent; may be null. */
  private final String rawCause;

  /**
   * Creates the exception for a command that failed; its message names the command and the first
   * line of the error.
   *
   * @param commandId the failed command; also the operation id
   * @param summary the error's one-line description without markup; null is read as ""
   * @param details the error's details without colour codes; null is read as ""
   * @param rawSummary {@code results.summary} as sent, or null
   * @param rawCause {@code results.cause} as sent, or null
   */
  public CommandFailedException(String commandId, String summary, String details, String rawSummary, String rawCause) {
    super("command " + commandId + " failed: " + headline(summary, details), commandId);
    this.commandId = commandId;
    this.summary = summary == null ? "" : summary;
    this.details = details == null ? "" : details;
    this.rawSummary = rawSummary;
    this.rawCause = rawCause;
  }

  /** The failed command; also {@link #operationId()}. */
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
