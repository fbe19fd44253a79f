package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A validated {@code POST /api/2.0/sql/statements} body. Invalid bodies are rejected with a 400. */
final class StatementRequest {
  enum Disposition {
    INLINE,
    EXTERNAL_LINKS,
    /** Inline when the result is one chunk at most, else external links (the JDBC driver's default). */
    INLINE_OR_EXTERNAL_LINKS
  }

  enum OnWaitTimeout {
    CONTINUE,
    CANCEL
  }

  static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);
  private static final int MAX_STATEMENT_BYTES = 16 * 1024 * 1024;
  private static final Pattern WAIT_TIMEOUT = Pattern.compile("(\\d+)s");
  /** Every field the API takes; any other is refused rather than ignored. */
  private static final Set<String> FIELDS =
      Set.of("statement", "warehouse_id", "catalog", "schema", "parameters", "row_limit", "byte_limit",
          "disposition", "format", "result_compression", "wait_timeout", "on_wait_timeout", "session_id",
          "query_tags");

  private final String statement;
  private final String warehouseId;
  private final String sessionId;
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
  /** The open session it runs in, or null; a USE statement moves the session's current namespace. */
  private final SqlSessions.Session session;

  private StatementRequest(
      String statement,
      String warehouseId,
      String sessionId,
      String catalog,
      String schema,
      Map<String, SqlParameter> parameters,
      Long rowLimit,
      Long byteLimit,
      Disposition disposition,
      ResultFormat format,
      ResultCompression requestedCompression,
      Duration waitTimeout,
      OnWaitTimeout onWaitTimeout,
      SqlSessions.Session session) {
    this.statement = statement;
    this.warehouseId = warehouseId;
    this.sessionId = sessionId;
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
    this.session = session;
  }

  /** A plain INLINE JSON_ARRAY statement, as Genie runs its generated SQL. */
  static StatementRequest inline(String statement, String warehouseId) {
    return new StatementRequest(
        statement, warehouseId, null, null, null, Collections.emptyMap(), null, null,
        Disposition.INLINE, ResultFormat.JSON_ARRAY, null, Duration.ZERO, OnWaitTimeout.CONTINUE, null);
  }

  /** A JSON_ARRAY statement whose result is written behind external links, as Genie's full result download runs. */
  static StatementRequest externalLinks(String statement, String warehouseId) {
    return new StatementRequest(
        statement, warehouseId, null, null, null, Collections.emptyMap(), null, null,
        Disposition.EXTERNAL_LINKS, ResultFormat.JSON_ARRAY, null, Duration.ZERO, OnWaitTimeout.CONTINUE, null);
  }

  static StatementRequest parse(JsonNode body) {
    String statement = text(body, "statement");
    if (statement == null || statement.isBlank()) {
      throw ApiException.invalidParameter("statement is required.");
    }
    if (statement.getBytes(StandardCharsets.UTF_8).length > MAX_STATEMENT_BYTES) {
      throw ApiException.invalidParameter("statement is larger than 16 MiB.");
    }
    body.fieldNames().forEachRemaining(field -> {
      if (!FIELDS.contains(field)) {
        throw ApiException.invalidParameter("Unknown field '" + field + "' in the statement request.");
      }
    });
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
    Map<String, SqlParameter> parameters = parameters(body.path("parameters"));
    if (parameters.values().stream().anyMatch(SqlParameter::positional)) {
      statement = PositionalMarkers.toNamed(statement);
    }
    return new StatementRequest(
        statement,
        warehouseId,
        text(body, "session_id"),
        text(body, "catalog"),
        text(body, "schema"),
        parameters,
        nonNegativeLong(body, "row_limit"),
        nonNegativeLong(body, "byte_limit"),
        disposition,
        format,
        compression,
        waitTimeout(text(body, "wait_timeout")),
        enumValue(body, "on_wait_timeout", OnWaitTimeout.class, OnWaitTimeout.CONTINUE),
        null);
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
        throw ApiException.invalidParameter(
            parameter.positional() ? "A parameter ordinal is given twice." : "Parameter '" + parameter.name()
                + "' is given twice.");
      }
    }
    long positional = byName.values().stream().filter(SqlParameter::positional).count();
    if (positional > 0 && positional < byName.size()) {
      throw ApiException.invalidParameter("Named and positional (ordinal) parameters cannot be mixed.");
    }
    return Collections.unmodifiableMap(byName);
  }

  /**
   * This request run in {@code session}: its own catalog and schema win, the session's fill in the rest. A
   * session of another warehouse is refused.
   */
  StatementRequest inSession(SqlSessions.Session session) {
    if (!session.warehouseId.equals(warehouseId)) {
      throw ApiException.invalidParameter(
          "Session " + session.id + " belongs to warehouse " + session.warehouseId + ", not " + warehouseId + ".");
    }
    return new StatementRequest(
        statement, warehouseId, sessionId, catalog != null ? catalog : session.catalog(),
        schema != null ? schema : session.schema(), parameters, rowLimit, byteLimit, disposition, format,
        requestedCompression, waitTimeout, onWaitTimeout, session);
  }

  /** A string field, or null when absent; other JSON values than scalars are a 400. */
  static String text(JsonNode body, String field) {
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

  /** The session it runs in, or null. */
  String sessionId() {
    return sessionId;
  }

  /** The open session it runs in, or null. */
  SqlSessions.Session session() {
    return session;
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
   * What the chunks are actually compressed with: LZ4_FRAME only for ARROW_STREAM over EXTERNAL_LINKS or
   * INLINE_OR_EXTERNAL_LINKS (links and attachments alike); JSON_ARRAY, CSV and INLINE results stay
   * uncompressed and the manifest says NONE (clients follow the manifest, not their request).
   */
  ResultCompression effectiveCompression() {
    return requestedCompression == ResultCompression.LZ4_FRAME
            && format == ResultFormat.ARROW_STREAM
            && disposition != Disposition.INLINE
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
