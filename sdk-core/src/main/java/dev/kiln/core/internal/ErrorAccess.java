package dev.kiln.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.error.DatabricksServiceException;
import dev.kiln.core.error.ErrorInfo;
import java.util.List;

/**
 * Kiln's way to build an {@link ErrorInfo} and to record attempts on an exception, both kept off
 * the user-facing API (package-private in {@code dev.kiln.core.error}); the error package installs
 * the implementation when {@code ErrorInfo} is initialised.
 */
public abstract class ErrorAccess {
  private static volatile ErrorAccess instance;

  protected ErrorAccess() {}

  /** Called once by {@code ErrorInfo}'s static initialiser. */
  public static void install(ErrorAccess value) {
    if (instance != null) {
      throw new IllegalStateException("already installed");
    }
    instance = value;
  }

  private static ErrorAccess get() {
    ErrorAccess a = instance;
    if (a == null) {
      try {
        Class.forName(ErrorInfo.class.getName(), true, ErrorInfo.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
      a = instance;
    }
    return a;
  }

  public static ErrorInfo info(int statusCode, String errorCode, String message, List<JsonNode> details, String requestId) {
    return get().newInfo(statusCode, errorCode, message, details, requestId);
  }

  public static void recordAttempts(DatabricksServiceException e, int attempts) {
    get().setAttempts(e, attempts);
  }

  protected abstract ErrorInfo newInfo(int statusCode, String errorCode, String message, List<JsonNode> details, String requestId);

  protected abstract void setAttempts(DatabricksServiceException e, int attempts);
}
