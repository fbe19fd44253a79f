package dev.kiln.sql.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.Json;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * Parses the text Databricks sends for each type (JSON_ARRAY and CSV carry every value as text).
 * Each method throws an unchecked exception on text it cannot read; callers add the column.
 */
public final class TextValues {
  private TextValues() {}

  public static int parseInt(String text) {
    return Integer.parseInt(text.trim());
  }

  public static long parseLong(String text) {
    return Long.parseLong(text.trim());
  }

  /** Also reads {@code NaN}, {@code Infinity} and {@code -Infinity}. */
  public static double parseDouble(String text) {
    return Double.parseDouble(text.trim());
  }

  public static BigDecimal parseDecimal(String text) {
    return new BigDecimal(text.trim());
  }

  /** {@code true}/{@code false} only, any case; other text is an error, not false. */
  public static boolean parseBoolean(String text) {
    String t = text.trim();
    if (t.equalsIgnoreCase("true")) {
      return true;
    }
    if (t.equalsIgnoreCase("false")) {
      return false;
    }
    throw new IllegalArgumentException("not true or false");
  }

  public static LocalDate parseDate(String text) {
    return LocalDate.parse(text.trim());
  }

  /**
   * A TIMESTAMP as sent ({@code 2026-01-31T10:15:30.000Z}); also accepts a space instead of 'T', any
   * offset, and no offset at all (read as UTC, the warehouse's rendering zone).
   */
  public static Instant parseInstant(String text) {
    String t = isoSeparator(text.trim());
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException noOffset) {
      return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
    }
  }

  /** A timestamp as wall-clock time: TIMESTAMP_NTZ as sent, TIMESTAMP converted to UTC. */
  public static LocalDateTime parseLocalDateTime(String text) {
    String t = isoSeparator(text.trim());
    try {
      return LocalDateTime.parse(t);
    } catch (DateTimeParseException hasOffset) {
      return LocalDateTime.ofInstant(OffsetDateTime.parse(t).toInstant(), ZoneOffset.UTC);
    }
  }

  /** BINARY values arrive base64-encoded. */
  public static byte[] parseBinary(String text) {
    return Base64.getDecoder().decode(text.trim());
  }

  /** ARRAY, MAP and STRUCT values arrive as JSON text. */
  public static JsonNode parseJson(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** Shortens a value for an error message (values may be large or sensitive). */
  static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 37) + "...";
  }

  private static String isoSeparator(String t) {
    return t.length() > 10 && t.charAt(10) == ' ' ? t.substring(0, 10) + 'T' + t.substring(11) : t;
  }
}
