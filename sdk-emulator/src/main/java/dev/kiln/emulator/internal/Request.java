package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as the route handlers see it: method, decoded path (and the raw one routing matches),
 * path/query parameters (decoded), headers, body.
 */
final class Request {
  private final String method;
  private final String path;
  private final String rawPath;
  private final Map<String, List<String>> query;
  private final Headers headers;
  private final byte[] body;
  private final Map<String, String> pathParams;
  private JsonNode json;

  /** {@code rawPath} still percent-encoded (routing splits it before decoding, so {@code %2F} stays in a segment). */
  Request(String method, String rawPath, String rawQuery, Headers headers, byte[] body) {
    this(method, Router.PathTemplate.normalize(percentDecode(rawPath)), Router.PathTemplate.normalize(rawPath),
        parseQuery(rawQuery), headers, body, Collections.emptyMap());
  }

  private Request(
      String method,
      String path,
      String rawPath,
      Map<String, List<String>> query,
      Headers headers,
      byte[] body,
      Map<String, String> pathParams) {
    this.method = method;
    this.path = path;
    this.rawPath = rawPath;
    this.query = query;
    this.headers = headers;
    this.body = body;
    this.pathParams = pathParams;
  }

  Request withPathParams(Map<String, String> params) {
    return new Request(method, path, rawPath, query, headers, body, Collections.unmodifiableMap(params));
  }

  String method() {
    return method;
  }

  /** The decoded path without query string and without a trailing slash. */
  String path() {
    return path;
  }

  /** The path as sent, percent-encoding kept, without a trailing slash: what routing matches. */
  String rawPath() {
    return rawPath;
  }

  String pathParam(String name) {
    String value = pathParams.get(name);
    if (value == null) {
      throw new IllegalArgumentException("route has no path parameter {" + name + "}");
    }
    return value;
  }

  /** A path parameter that only some of a handler's routes have. */
  Optional<String> optionalPathParam(String name) {
    return Optional.ofNullable(pathParams.get(name));
  }

  Optional<String> queryParam(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  List<String> queryParams(String name) {
    return query.getOrDefault(name, Collections.emptyList());
  }

  Optional<String> header(String name) {
    return Optional.ofNullable(headers.getFirst(name));
  }

  /** One field of an {@code application/x-www-form-urlencoded} body. */
  Optional<String> formParam(String name) {
    List<String> values = parseQuery(new String(body, StandardCharsets.UTF_8)).get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** The raw body bytes (a file upload). */
  byte[] body() {
    return body;
  }

  /** The fields of an {@code application/x-www-form-urlencoded} body. */
  Map<String, String> form() {
    Map<String, String> fields = new LinkedHashMap<>();
    parseQuery(body == null ? "" : new String(body, StandardCharsets.UTF_8))
        .forEach((key, values) -> fields.put(key, values.get(0)));
    return fields;
  }

  /** The JSON body (an empty object when there is none); a malformed body fails with 400. */
  JsonNode json() {
    if (json == null) {
      json = Json.parseRequestBody(body);
    }
    return json;
  }

  private static Map<String, List<String>> parseQuery(String rawQuery) {
    Map<String, List<String>> result = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return result;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      result.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
    return result;
  }

  /**
   * Percent-decoding of a path (UTF-8); unlike form decoding a {@code +} stays a plus. Malformed escapes are
   * kept as they are.
   */
  static String percentDecode(String text) {
    if (text.indexOf('%') < 0) {
      return text;
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(text.length());
    int i = 0;
    while (i < text.length()) {
      if (text.charAt(i) == '%' && i + 2 < text.length() && Character.digit(text.charAt(i + 1), 16) >= 0
          && Character.digit(text.charAt(i + 2), 16) >= 0) {
        out.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
        i += 3;
      } else {
        int next = text.indexOf('%', i + 1);
        int end = next < 0 ? text.length() : next;
        out.writeBytes(text.substring(i, end).getBytes(StandardCharsets.UTF_8));
        i = end;
      }
    }
    return new String(out.toByteArray(), StandardCharsets.UTF_8);
  }

  static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
