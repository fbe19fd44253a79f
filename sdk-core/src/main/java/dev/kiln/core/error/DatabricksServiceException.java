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

  private final int statusCode;
  private final String errorCode;
  private final String serverMessage;
  private final transient List<JsonNode> details;
  private final String requestId;
  private volatile int attempts;

  public DatabricksServiceException(ErrorInfo info) {
    super(info.describe());
    this.statusCode = info.statusCode();
    this.errorCode = info.errorCode();
    this.serverMessage = info.message();
    this.details = info.details();
    this.requestId = info.requestId();
    this.attempts = 1;
  }

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

  public List<JsonNode> details() {
    return details == null ? List.of() : details;
  }

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
