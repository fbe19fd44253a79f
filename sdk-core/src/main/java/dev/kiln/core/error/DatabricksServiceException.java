package dev.kiln.core.error;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * The workspace answered with an error. Carries the HTTP status, the raw {@code error_code} (kept as
 * the server sent it, even when Kiln has no subclass for it), the message, the {@code details}
 * array, the request id and how many attempts were made before giving up.
 */
public class DatabricksServiceException extends DatabricksException {
  private static final long serialVersionUID = 1L;

  /** HTTP status of the error reply. */
  private final int statusCode;
  /** The {@code error_code} as sent; null when the body had none. */
  private final String errorCode;
  /** The server's {@code message}; empty when absent. */
  private final String serverMessage;
  /** The {@code details} array; transient, so null after deserialization (read as empty). */
  private final transient List<JsonNode> details;
  /** The request id the server returned in {@code x-request-id}; null when absent. */
  private final String requestId;
  /** Attempts made, including the failing one. */
  private volatile int attempts;

  /**
   * Creates the exception for the parsed error reply {@code info}. Kiln's error mapping calls this;
   * callers catch the exception rather than build it.
   */
  public DatabricksServiceException(ErrorInfo info) {
    super(info.describe());
    this.statusCode = info.statusCode();
    this.errorCode = info.errorCode();
    this.serverMessage = info.message();
    this.details = info.details();
    this.requestId = info.requestId();
    this.attempts = 1;
  }

  /** The HTTP status of the error reply, e.g. 404. */
  public int statusCode() {
    return statusCode;
  }

  /** The {@code error_code} as sent, or {@code null} when the body had none (HTML, API 1.2). */
  public String errorCode() {
    return errorCode;
  }

  /** The server's message alone, without the status and code prefix of {@link #getMessage()}. */
  public String serverMessage() {
    return serverMessage;
  }

  /**
   * The entries of the reply's {@code details} array (e.g. {@code ErrorInfo} with a {@code reason},
   * {@code RetryInfo}), as JSON; empty when the server sent none, never null.
   */
  public List<JsonNode> details() {
    return details == null ? List.of() : details;
  }

  /**
   * The request id the workspace gave this call (header {@code x-request-id}), to quote to
   * Databricks support; empty when the reply carried none.
   */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /** Attempts made, including the one that produced this error. */
  public int attempts() {
    return attempts;
  }

  /** Set by the retry loop once it gives up (through {@code ErrorAccess}). */
  void recordAttempts(int attempts) {
    this.attempts = attempts;
  }

  /** Whether the server meant "try again later" (429, 503 and their error codes). */
  public boolean isRetryable() {
    return false;
  }
}
