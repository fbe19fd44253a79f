package dev.kiln.emulator.internal;

/**
 * A Databricks-style error reply ({@code {"error_code": ..., "message": ...}} with an HTTP status). Handlers
 * throw it; the router turns it into the response.
 */
final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String errorCode;

  ApiException(int status, String errorCode, String message) {
    super(message, null, false, false);
    this.status = status;
    this.errorCode = errorCode;
  }

  static ApiException invalidParameter(String message) {
    return new ApiException(400, "INVALID_PARAMETER_VALUE", message);
  }

  static ApiException malformed(String message) {
    return new ApiException(400, "MALFORMED_REQUEST", message);
  }

  static ApiException invalidState(String message) {
    return new ApiException(400, "INVALID_STATE", message);
  }

  static ApiException alreadyExists(String message) {
    return new ApiException(409, "RESOURCE_ALREADY_EXISTS", message);
  }

  static ApiException notFound(String message) {
    return new ApiException(404, "RESOURCE_DOES_NOT_EXIST", message);
  }

  static ApiException unauthenticated(String message) {
    return new ApiException(401, "UNAUTHENTICATED", message);
  }

  int status() {
    return status;
  }

  String errorCode() {
    return errorCode;
  }

  Response toResponse() {
    return Response.error(status, errorCode, getMessage());
  }
}
