package dev.kiln.emulator.internal;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Blob;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Struct;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBStruct;

/**
 * Turns DuckDB values into the text Databricks puts in JSON_ARRAY and CSV results: booleans {@code
 * true}/{@code false}, dates {@code 2026-01-31}, timestamps {@code 2026-01-31T10:15:30.000Z}, decimals
 * plain, binary base64, arrays/maps/structs as JSON text.
 */
final class ValueFormatter {
  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");
  /** ARROW_STREAM carries microseconds, so its top-level timestamps keep them. */
  private static final DateTimeFormatter TIMESTAMP_MICROS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'");

  private ValueFormatter() {}

  /** The text of column {@code index} of the current row, or null for SQL NULL. */
  static String format(ResultSet rs, int index, ColumnType type) throws SQLException {
    return format(rs, index, type, false);
  }

  /** As {@link #format(ResultSet, int, ColumnType)}; {@code micros} keeps microseconds of timestamps. */
  static String format(ResultSet rs, int index, ColumnType type, boolean micros) throws SQLException {
    DateTimeFormatter timestamps = micros ? TIMESTAMP_MICROS : TIMESTAMP;
    switch (type.rendering()) {
      case TIMESTAMP:
        LocalDateTime local = rs.getObject(index, LocalDateTime.class);
        return local == null ? null : timestamps.format(local);
      case TIMESTAMP_WITH_ZONE:
        OffsetDateTime zoned = rs.getObject(index, OffsetDateTime.class);
        return zoned == null ? null : timestamps.format(zoned.withOffsetSameInstant(ZoneOffset.UTC));
      case NESTED:
        Object nested = rs.getObject(index);
        return nested == null ? null : Json.text(toJsonValue(nested));
      default:
        Object value = rs.getObject(index);
        return value == null ? null : scalarText(value);
    }
  }

  private static String scalarText(Object value) throws SQLException {
    if (value instanceof BigDecimal) {
      return ((BigDecimal) value).toPlainString();
    }
    if (value instanceof Blob) {
      Blob blob = (Blob) value;
      return Base64.getEncoder().encodeToString(blob.getBytes(1, (int) blob.length()));
    }
    if (value instanceof byte[]) {
      return Base64.getEncoder().encodeToString((byte[]) value);
    }
    if (value instanceof Timestamp) {
      return TIMESTAMP.format(((Timestamp) value).toLocalDateTime());
    }
    if (value instanceof OffsetDateTime) {
      return TIMESTAMP.format(((OffsetDateTime) value).withOffsetSameInstant(ZoneOffset.UTC));
    }
    if (value instanceof LocalDateTime) {
      return TIMESTAMP.format((LocalDateTime) value);
    }
    return value.toString();
  }

  /** Lists, structs and maps become Java lists and maps Jackson can write; leaves keep JSON types. */
  private static Object toJsonValue(Object value) throws SQLException {
    if (value == null || value instanceof Number || value instanceof Boolean || value instanceof String) {
      return value;
    }
    if (value instanceof Array) {
      Object[] elements = (Object[]) ((Array) value).getArray();
      List<Object> list = new ArrayList<>(elements.length);
      for (Object element : elements) {
        list.add(toJsonValue(element));
      }
      return list;
    }
    if (value instanceof DuckDBStruct) {
      return toJsonMap(((DuckDBStruct) value).getMap());
    }
    if (value instanceof Struct) {
      Object[] attributes = ((Struct) value).getAttributes();
      List<Object> list = new ArrayList<>(attributes.length);
      for (Object attribute : attributes) {
        list.add(toJsonValue(attribute));
      }
      return list;
    }
    if (value instanceof Map) {
      return toJsonMap((Map<?, ?>) value);
    }
    return scalarText(value);
  }

  private static Map<String, Object> toJsonMap(Map<?, ?> map) throws SQLException {
    Map<String, Object> result = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      result.put(String.valueOf(entry.getKey()), toJsonValue(entry.getValue()));
    }
    return result;
  }
}
