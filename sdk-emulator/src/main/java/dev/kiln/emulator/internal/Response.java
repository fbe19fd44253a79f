package dev.kiln.emulator.internal;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP reply produced by a route handler: status, extra headers and the body bytes. Immutable. */
final class Response {
  static final String JSON = "application/json";

  private final int status;
  private final Map<String, String> headers;
  private final byte[] body;

  private Response(int status, Map<String, String> headers, byte[] body) {
    this.status = status;
    this.headers = Collections.unmodifiableMap(headers);
    this.body = body;
  }

  static Response of(int status, String contentType, byte[] body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", contentType);
    return new Response(status, headers, body);
  }

  /** A 200 with {@code body} serialised by Jackson. */
  static Response ok(Object body) {
    return json(200, body);
  }

  static Response json(int status, Object body) {
    return of(status, JSON, Json.bytes(body));
  }

  static Response error(int status, String errorCode, String message) {
    return json(status, Json.object().put("error_code", errorCode).put("message", message));
  }

  static Response text(int status, String contentType, String body) {
    return of(status, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  Response withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new Response(status, copy, body);
  }

  int status() {
    return status;
  }

  Map<String, String> headers() {
    return headers;
  }

  byte[] body() {
    return body;
  }
}
