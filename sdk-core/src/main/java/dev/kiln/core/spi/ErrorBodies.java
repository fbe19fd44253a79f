package dev.kiln.core.spi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.Json;
import dev.kiln.core.error.DatabricksException;
import dev.kiln.core.internal.ErrorAccess;
import dev.kiln.core.internal.ErrorMapper;
import dev.kiln.core.internal.Redaction;
import java.util.ArrayList;
import java.util.List;

/**
 * Error reports that arrive outside an error status (inside a 200 event stream, in a body a module
 * reads itself), mapped by core's one error mapper to the same typed exceptions as error replies.
 * Accepts the Databricks shape {@code {"error_code", "message"}} and the OpenAI shape
 * {@code {"error": {"message", "type", "code"}}}.
 */
public final class ErrorBodies {
  private static final int MAX_TEXT = 2_000;

  private ErrorBodies() {}

  /** Whether a data payload reports an error instead of carrying a chunk. */
  public static boolean isErrorReport(JsonNode payload) {
    return payload.isObject() && (isPresent(payload.get("error")) || isPresent(payload.get("error_code")));
  }

  /** The typed exception for an error report found in the stream. */
  public static DatabricksException fromPayload(JsonNode payload, int status, String requestId) {
    JsonNode error = payload.get("error");
    String code = text(payload.get("error_code"));
    String message = text(payload.get("message"));
    List<JsonNode> details = new ArrayList<>();
    payload.path("details").forEach(details::add);
    int effectiveStatus = statusIn(payload, status);
    if (error != null && error.isObject()) {
      code = code != null ? code : firstText(error, "error_code", "code", "type");
      message = message != null ? message : text(error.get("message"));
      error.path("details").forEach(details::add);
      effectiveStatus = statusIn(error, effectiveStatus);
    } else if (error != null && error.isTextual() && message == null) {
      message = error.textValue();
    }
    if (message == null) {
      message = truncate(payload.toString());
    }
    return ErrorMapper.map(ErrorAccess.info(effectiveStatus, code, Redaction.redact(message), details, requestId));
  }

  /** The typed exception for an error text that may be JSON or plain text (an SSE {@code event: error}). */
  public static DatabricksException fromText(String data, int status, String requestId) {
    JsonNode payload = tryParse(data);
    if (payload != null && payload.isObject()) {
      return fromPayload(payload, status, requestId);
    }
    return ErrorMapper.map(ErrorAccess.info(status, null, Redaction.redact(truncate(data)), List.of(), requestId));
  }

  /** The JSON object or array in {@code text}, or null when it is not JSON. */
  public static JsonNode tryParse(String text) {
    String t = text.strip();
    if (!t.startsWith("{") && !t.startsWith("[")) {
      return null;
    }
    try {
      return Json.mapper().readTree(t);
    } catch (Exception e) {
      return null;
    }
  }

  private static int statusIn(JsonNode node, int fallback) {
    for (String field : new String[] {"status_code", "http_status", "code"}) {
      JsonNode v = node.get(field);
      if (v != null && v.isInt() && v.intValue() >= 400 && v.intValue() <= 599) {
        return v.intValue();
      }
    }
    return fallback;
  }

  private static String firstText(JsonNode node, String... fields) {
    for (String f : fields) {
      String v = text(node.get(f));
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  private static String text(JsonNode node) {
    return node != null && node.isTextual() ? node.textValue() : null;
  }

  private static boolean isPresent(JsonNode node) {
    return node != null && !node.isNull();
  }

  private static String truncate(String s) {
    return s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) + "…" : s;
  }
}
