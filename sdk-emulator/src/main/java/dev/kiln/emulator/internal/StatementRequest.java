package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A validated {@code POST /api/2.0/sql/statements} body. Invalid bodies are rejected with a 400. */
final class StatementRequest {
  enum Disposition {
    INLINE,
    EXTERNAL_LINKS
  }

  enum OnWaitTimeout {
    CONTINUE,
    CANCEL
  }

  static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);
  private static final int MAX_STATEMENT_BYTES = 16 * 1024 * 1024;
  private static final Pattern WAIT_TIMEOUT = Pattern.compile("(\\d+)s");

  private final String statement;
  private final String warehouseId;
  private final String catalog;
  private final String schema;
  private final Map<String, SqlParameter> parameters;
  private final Long rowLimit;
  private final Long byteLimit;
  private final Disposition disposition;
  private final ResultFormat format;
  private final ResultCompression requestedCompression;
  private final Duration waitTimeout;
  private final OnWaitTimeout onWaitTimeout;

  private StatementRequest(
      String statement,
      String warehouseId,
      String catalog,
      String schema,
      Map<String, SqlParameter> parameters,
      Long rowLimit,
      Long byteLimit,
      Disposition disposition,
      ResultFormat format,
      ResultCompression requestedCompression,
      Duration waitTimeout,
      OnWaitTimeout onWaitTimeout) {
    this.statement = statement;
    this.warehouseId = warehouseId;
    this.catalog = catalog;
    this.schema = schema;
    this.parameters = parameters;
    this.rowLimit = rowLimit;
    this.byteLimit = byteLimit;
    this.disposition = disposition;
    this.format = format;
    this.requestedCompression = requestedCompression;
    this.waitTimeout = waitTimeout;
    this.onWaitTimeout = onWaitTimeout;
  }

  /** A plain INLINE JSON_ARRAY statement, as Genie runs its generated SQL. */
  static StatementRequest inline(String statement, String warehouseId) {
    return new StatementRequest(
        statement, warehouseId, null, null, Collections.emptyMap(), null, null,
        Disposition.INLINE, ResultFormat.JSON_ARRAY, null, Duration.ZERO, OnWaitTimeout.CONTINUE);
  }

  /** A JSON_ARRAY statement whose result is written behind external links, as Genie's full result download runs. */
  static StatementRequest externalLinks(String statement, String warehouseId) {
    return new StatementRequest(
        statement, warehouseId, null, null, Collections.emptyMap(), null, null,
        Disposition.EXTERNAL_LINKS, ResultFormat.JSON_ARRAY, null, Duration.ZERO, OnWaitTimeout.CONTINUE);
  }

  static StatementRequest parse(JsonNode body) {
    String statement = text(body, "statement");
    if (statement == null || statement.isBlank()) {
      throw ApiException.invalidParameter("statement is required.");
    }
    if (statement.getBytes(StandardCharsets.UTF_8).length > MAX_STATEMENT_BYTES) {
      throw ApiException.invalidParameter("statement is larger than 16 MiB.");
    }
    String warehouseId = text(body, "warehouse_id");
    if (warehouseId == null || warehouseId.isBlank()) {
      throw ApiException.invalidParameter("warehouse_id is required.");
    }
    Disposition disposition = enumValue(body, "disposition", Disposition.class, Disposition.INLINE);
    ResultFormat format = enumValue(body, "format", ResultFormat.class, ResultFormat.JSON_ARRAY);
    if (disposition == Disposition.INLINE && format != ResultFormat.JSON_ARRAY) {
      throw ApiException.invalidParameter(
          "The format " + format + " is only supported with disposition EXTERNAL_LINKS.");
    }
    // Unknown values are refused (enumValue), never ignored: a client that asked for a codec must not get
    // bytes it would misread.
    ResultCompression compression = enumValue(body, "result_compression", ResultCompression.class, null);
    return new StatementRequest(
        statement,
        warehouseId,
        text(body, "catalog"),
        text(body, "schema"),
        parameters(body.path("parameters")),
        nonNegativeLong(body, "row_limit"),
        nonNegativeLong(body, "byte_limit"),
        disposition,
        format,
        compression,
        waitTimeout(text(body, "wait_timeout")),
        enumValue(body, "on_wait_timeout", OnWaitTimeout.class, OnWaitTimeout.CONTINUE));
  }

  /** {@code 0s}, or {@code 5s} to {@code 50s}; the default is {@code 10s}. */
  private static Duration waitTimeout(String text) {
    if (text == null) {
      return DEFAULT_WAIT;
    }
    Matcher matcher = WAIT_TIMEOUT.matcher(text.trim());
    long seconds = matcher.matches() ? Long.parseLong(matcher.group(1)) : -1;
    if (seconds != 0 && (seconds < 5 || seconds > 50)) {
      throw ApiException.invalidParameter(
          "wait_timeout must be 0s or between 5s and 50s, got '" + text + "'.");
    }
    return Duration.ofSeconds(seconds);
  }

  private static Map<String, SqlParameter> parameters(JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return Collections.emptyMap();
    }
    if (!node.isArray()) {
      throw ApiException.invalidParameter("parameters must be a list.");
    }
    Map<String, SqlParameter> byName = new LinkedHashMap<>();
    for (JsonNode element : node) {
      SqlParameter parameter = SqlParameter.parse(element);
      if (byName.put(parameter.name(), parameter) != null) {
        throw ApiException.invalidParameter("Parameter '" + parameter.name() + "' is given twice.");
      }
    }
    return Collections.unmodifiableMap(byName);
  }

  private static String text(JsonNode body, String field) {
    JsonNode node = body.path(field);
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    if (!node.isValueNode()) {
      throw ApiException.invalidParameter(field + " must be a string.");
    }
    return node.asText();
  }

  private static Long nonNegativeLong(JsonNode body, String field) {
    JsonNode node = body.path(field);
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    if (!node.canConvertToLong() && !(node.isTextual() && node.asText().matches("\\d+"))) {
      throw ApiException.invalidParameter(field + " must be a non-negative integer.");
    }
    long value = node.isTextual() ? Long.parseLong(node.asText()) : node.asLong();
    if (value < 0) {
      throw ApiException.invalidParameter(field + " must be a non-negative integer.");
    }
    return value;
  }

  private static <E extends Enum<E>> E enumValue(JsonNode body, String field, Class<E> type, E fallback) {
    String text = text(body, field);
    if (text == null) {
      return fallback;
    }
    try {
      return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidParameter(field + " has an unknown value '" + text + "'.");
    }
  }

  String statement() {
    return statement;
  }

  String warehouseId() {
    return warehouseId;
  }

  String catalog() {
    return catalog;
  }

  String schema() {
    return schema;
  }

  Map<String, SqlParameter> parameters() {
    return parameters;
  }

  Long rowLimit() {
    return rowLimit;
  }

  Long byteLimit() {
    return byteLimit;
  }

  Disposition disposition() {
    return disposition;
  }

  ResultFormat format() {
    return format;
  }

  /** What the request asked for, or null when it did not say. */
  ResultCompression requestedCompression() {
    return requestedCompression;
  }

  /**
   * What the chunks are actually compressed with: LZ4_FRAME only for ARROW_STREAM over EXTERNAL_LINKS;
   * JSON_ARRAY, CSV and INLINE results stay uncompressed and the manifest says NONE (clients follow the
   * manifest, not their request).
   */
  ResultCompression effectiveCompression() {
    return requestedCompression == ResultCompression.LZ4_FRAME
            && format == ResultFormat.ARROW_STREAM
            && disposition == Disposition.EXTERNAL_LINKS
        ? ResultCompression.LZ4_FRAME
        : ResultCompression.NONE;
  }

  Duration waitTimeout() {
    return waitTimeout;
  }

  OnWaitTimeout onWaitTimeout() {
    return onWaitTimeout;
  }
}
