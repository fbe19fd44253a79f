package dev.kiln.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.Json;
import dev.kiln.core.error.*;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Turns an error answer (status + body) into the typed exception the server meant. */
public final class ErrorMapper {
  private static final int MAX_TEXT_BODY = 2_000;

  /** Texts that mean "not ready yet" whatever the status; the Go SDK treats the same texts as transient. */
  private static final List<String> TRANSIENT_TEXTS = List.of(
      "ClusterNotReadyException",
      "UnknownWorkerEnvironmentException",
      "Unknown worker environment",
      "does not have any associated worker environments",
      "There is no worker environment with id");

  private ErrorMapper() {}

  public static DatabricksServiceException map(int status, byte[] body, String contentType, String requestId) {
    return map(parse(status, body, contentType, requestId, List.of()));
  }

  /**
   * As {@link #map(int, byte[], String, String)}, masking {@code secrets} (the credential values the
   * request carried) wherever the body echoes them.
   */
  public static DatabricksServiceException map(int status, byte[] body, String contentType, String requestId,
      Collection<String> secrets) {
    return map(parse(status, body, contentType, requestId, secrets));
  }

  /**
   * For answers from outside the workspace (cloud storage behind presigned links, token endpoints):
   * JSON bodies are read as usual, XML storage errors keep only their Code and Message, and any
   * other text is withheld, because storage errors can echo the request's signature and headers.
   */
  public static DatabricksServiceException mapExternal(int status, byte[] body, String contentType, String requestId) {
    String text = body == null ? "" : new String(body, StandardCharsets.UTF_8).strip();
    if (text.startsWith("{")) {
      return map(status, body, contentType, requestId);
    }
    String code = xmlElement(text, "Code");
    String message = xmlElement(text, "Message");
    String summary = code == null && message == null
        ? "(body of " + text.length() + " characters withheld: it may echo request details)"
        : (code == null ? "" : code + ": ") + (message == null ? "" : message);
    return map(ErrorAccess.info(status, code, Redaction.redact(summary), List.of(), requestId));
  }

  private static String xmlElement(String xml, String name) {
    int start = xml.indexOf("<" + name + ">");
    int end = xml.indexOf("</" + name + ">");
    if (start < 0 || end < start) {
      return null;
    }
    return xml.substring(start + name.length() + 2, end).strip();
  }

  public static ErrorInfo parse(int status, byte[] body, String contentType, String requestId) {
    return parse(status, body, contentType, requestId, List.of());
  }

  /** Parses an error body; the message never carries {@code secrets} or {@code Bearer}/{@code Basic} credentials. */
  public static ErrorInfo parse(int status, byte[] body, String contentType, String requestId, Collection<String> secrets) {
    String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
    String errorCode = null;
    String message = null;
    List<JsonNode> details = new ArrayList<>();
    JsonNode json = tryParseJson(text);
    if (json != null && json.isObject()) {
      errorCode = textOrNull(json.get("error_code"));
      message = textOrNull(json.get("message"));
      if (message == null) {
        // API 1.2 answers {"error": "..."}; OAuth servers answer {"error": code, "error_description": ...}.
        String error = textOrNull(json.get("error"));
        String description = textOrNull(json.get("error_description"));
        message = description != null ? description : error;
        if (description != null && errorCode == null) {
          errorCode = error;
        }
      }
      JsonNode d = json.get("details");
      if (d != null && d.isArray()) {
        d.forEach(details::add);
      }
    }
    if (message == null) {
      message = text.length() > MAX_TEXT_BODY ? text.substring(0, MAX_TEXT_BODY) + "…" : text;
      message = message.strip();
    }
    return ErrorAccess.info(status, errorCode, Redaction.redact(message, secrets), details, requestId);
  }

  public static DatabricksServiceException map(ErrorInfo info) {
    String code = info.errorCode() == null ? "" : info.errorCode().toUpperCase(Locale.ROOT);
    if (isTransientText(info.message())) {
      return new TemporarilyUnavailableException(info);
    }
    Function<ErrorInfo, DatabricksServiceException> byCode = byCode(code);
    if (byCode != null) {
      return byCode.apply(info);
    }
    return byStatus(info.statusCode()).apply(info);
  }

  static boolean isTransientText(String message) {
    if (message == null) {
      return false;
    }
    for (String t : TRANSIENT_TEXTS) {
      if (message.contains(t)) {
        return true;
      }
    }
    return false;
  }

  private static Function<ErrorInfo, DatabricksServiceException> byCode(String code) {
    switch (code) {
      case "INVALID_PARAMETER_VALUE": return InvalidParameterValueException::new;
      case "INVALID_STATE": return InvalidStateException::new;
      case "BAD_REQUEST": return BadRequestException::new;
      case "UNAUTHENTICATED": return UnauthenticatedException::new;
      case "PERMISSION_DENIED": return PermissionDeniedException::new;
      case "RESOURCE_DOES_NOT_EXIST": return ResourceDoesNotExistException::new;
      case "NOT_FOUND": return NotFoundException::new;
      case "RESOURCE_ALREADY_EXISTS":
      case "ALREADY_EXISTS": return ResourceAlreadyExistsException::new;
      case "ABORTED": return AbortedException::new;
      case "RESOURCE_EXHAUSTED": return ResourceExhaustedException::new;
      case "REQUEST_LIMIT_EXCEEDED": return RequestLimitExceededException::new;
      case "INTERNAL_ERROR": return InternalErrorException::new;
      case "DATA_LOSS": return DataLossException::new;
      case "UNKNOWN": return UnknownException::new;
      case "TEMPORARILY_UNAVAILABLE": return TemporarilyUnavailableException::new;
      case "DEADLINE_EXCEEDED": return DeadlineExceededException::new;
      default: return null;
    }
  }

  private static Function<ErrorInfo, DatabricksServiceException> byStatus(int status) {
    switch (status) {
      case 400: return BadRequestException::new;
      case 401: return UnauthenticatedException::new;
      case 403: return PermissionDeniedException::new;
      case 404: return NotFoundException::new;
      case 409: return ResourceConflictException::new;
      case 429: return TooManyRequestsException::new;
      case 499: return CancelledException::new;
      case 500: return InternalErrorException::new;
      case 501: return NotImplementedException::new;
      case 503: return TemporarilyUnavailableException::new;
      case 504: return DeadlineExceededException::new;
      default: return DatabricksServiceException::new;
    }
  }

  private static JsonNode tryParseJson(String text) {
    String t = text.strip();
    if (!t.startsWith("{")) {
      return null;
    }
    try {
      return Json.mapper().readTree(t);
    } catch (Exception e) {
      return null;
    }
  }

  private static String textOrNull(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }
}
