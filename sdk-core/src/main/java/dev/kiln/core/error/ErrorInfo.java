package dev.kiln.core.error;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.internal.ErrorAccess;
import java.util.List;

/**
 * What an error answer said, parsed once and handed to the exception constructors. Built by Kiln's
 * error mapping only.
 */
public final class ErrorInfo {
  static {
    ErrorAccess.install(new ErrorAccess() {
      @Override
      protected ErrorInfo newInfo(int statusCode, String errorCode, String message, List<JsonNode> details, String requestId) {
        return new ErrorInfo(statusCode, errorCode, message, details, requestId);
      }

      @Override
      protected void setAttempts(DatabricksServiceException e, int attempts) {
        e.recordAttempts(attempts);
      }
    });
  }

  private final int statusCode;
  private final String errorCode;
  private final String message;
  private final List<JsonNode> details;
  private final String requestId;

  ErrorInfo(int statusCode, String errorCode, String message, List<JsonNode> details, String requestId) {
    this.statusCode = statusCode;
    this.errorCode = errorCode;
    this.message = message == null ? "" : message;
    this.details = details == null ? List.of() : List.copyOf(details);
    this.requestId = requestId;
  }

  /** The HTTP status of the reply. */
  public int statusCode() {
    return statusCode;
  }

  /**
   * The {@code error_code} field, or {@code null} when the body had none (an HTML page, API 1.2
   * answers).
   */
  public String errorCode() {
    return errorCode;
  }

  /** The server's {@code message} field; empty, never null, when absent. */
  public String message() {
    return message;
  }

  /** The {@code details} array as JSON nodes; empty when absent. */
  public List<JsonNode> details() {
    return details;
  }

  /** The request id of the reply, or {@code null} when it had none. */
  public String requestId() {
    return requestId;
  }

  String describe() {
    StringBuilder sb = new StringBuilder().append("HTTP ").append(statusCode);
    if (errorCode != null) {
      sb.append(' ').append(errorCode);
    }
    if (!message.isEmpty()) {
      sb.append(": ").append(message);
    }
    if (requestId != null) {
      sb.append(" (request id ").append(requestId).append(')');
    }
    return sb.toString();
  }
}
