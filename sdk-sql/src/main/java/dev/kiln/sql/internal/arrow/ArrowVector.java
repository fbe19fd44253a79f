package dev.kiln.sql.internal.arrow;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * One column of an {@link ArrowBatch}: Arrow buffers (validity bitmap, offsets, data) read in place,
 * little-endian, with no per-value objects. Getters take the row index within this vector; typed
 * getters do not box. Values convert the way a JSON_ARRAY reader would see them: {@link #text(int)} is
 * the string JSON_ARRAY carries for the value, nested values are that JSON text.
 *
 * <p>Typed getters throw {@link IllegalStateException} when the column's type has no such value, and
 * parse UTF-8 columns (Databricks sends some types as strings), which may throw {@link
 * NumberFormatException} or {@link java.time.format.DateTimeParseException}. Callers check {@link
 * #isNull(int)} first; a getter on a null slot returns an unspecified value.
 */
public final class ArrowVector {
  /** How Databricks writes timestamps in JSON_ARRAY: UTC, milliseconds, {@code Z}. */
  static final DateTimeFormatter TIMESTAMP_TEXT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'");

  private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

  private final ArrowField field;
  private final ArrowKind kind;
  private final int length;
  private final int nullCount;
  private final ByteBuffer validity;
  private final ByteBuffer offsets;
  private final ByteBuffer data;
  private final ArrowVector[] children;
  private final ArrowVector dictionary;

  ArrowVector(ArrowField field, int length, int nullCount, ByteBuffer validity, ByteBuffer offsets, ByteBuffer data,
      ArrowVector[] children, ArrowVector dictionary) {
    this.field = field;
    this.kind = field.kind();
    this.length = length;
    this.nullCount = nullCount;
    this.validity = nullCount == 0 || validity == null || validity.capacity() == 0 ? null : validity;
    this.offsets = offsets == null ? EMPTY : offsets;
    this.data = data == null ? EMPTY : data;
    this.children = children;
    this.dictionary = dictionary;
  }

  public ArrowField field() {
    return field;
  }

  public ArrowKind kind() {
    return kind;
  }

  /** Number of slots. */
  public int length() {
    return length;
  }

  public int nullCount() {
    return nullCount;
  }

  /** Child vectors: the element vector of a list, the fields of a struct, the entries struct of a map. */
  public ArrowVector child(int index) {
    return children[index];
  }

  public int childCount() {
    return children.length;
  }

  /** The dictionary values of a dictionary-encoded column, or null. */
  public ArrowVector dictionary() {
    return dictionary;
  }

  public boolean isNull(int row) {
    if (kind == ArrowKind.NULL && dictionary == null) {
      return true;
    }
    if (validity != null && (validity.get(row >>> 3) & (1 << (row & 7))) == 0) {
      return true;
    }
    return dictionary != null && dictionary.isNull(index(row));
  }

  /** Whether the slot's own validity bit is clear (for a dictionary column: the index is null). */
  boolean isNullSlot(int row) {
    return validity != null && (validity.get(row >>> 3) & (1 << (row & 7))) == 0;
  }

  /** The dictionary index of a dictionary-encoded slot. */
  public int index(int row) {
    switch (field.indexKind()) {
      case INT8:
        return data.get(row);
      case UINT8:
        return data.get(row) & 0xFF;
      case INT16:
        return data.getShort(row << 1);
      case UINT16:
        return data.getChar(row << 1);
      case INT32:
      case UINT32:
        return data.getInt(row << 2);
      default:
        return Math.toIntExact(data.getLong(row << 3));
    }
  }

  // ---- typed getters ----

  public long getLong(int row) {
    if (dictionary != null) {
      return dictionary.getLong(index(row));
    }
    switch (kind) {
      case INT64:
      case UINT64:
      case TIMESTAMP:
      case DURATION:
      case DATE_MILLI:
        return data.getLong(row << 3);
      case INT32:
      case DATE_DAY:
      case INTERVAL_YEAR_MONTH:
        return data.getInt(row << 2);
      case INT16:
        return data.getShort(row << 1);
      case INT8:
        return data.get(row);
      case UINT8:
        return data.get(row) & 0xFF;
      case UINT16:
        return data.getChar(row << 1);
      case UINT32:
        return data.getInt(row << 2) & 0xFFFFFFFFL;
      case TIME:
        return field.timeUnit() <= ArrowField.MILLISECOND ? data.getInt(row << 2) : data.getLong(row << 3);
      case BOOL:
        return getBoolean(row) ? 1 : 0;
      case DECIMAL:
        return getBigDecimal(row).longValueExact();
      case UTF8:
      case LARGE_UTF8:
        return Long.parseLong(getUtf8(row));
      default:
        throw noValue("long");
    }
  }

  public int getInt(int row) {
    if (dictionary == null && kind == ArrowKind.INT32) {
      return data.getInt(row << 2);
    }
    return Math.toIntExact(getLong(row));
  }

  public double getDouble(int row) {
    if (dictionary != null) {
      return dictionary.getDouble(index(row));
    }
    switch (kind) {
      case FLOAT64:
        return data.getDouble(row << 3);
      case FLOAT32:
        return data.getFloat(row << 2);
      case DECIMAL:
        return getBigDecimal(row).doubleValue();
      case UINT64:
        long v = data.getLong(row << 3);
        return v >= 0 ? v : (double) (v >>> 1) * 2.0 + (v & 1);
      case UTF8:
      case LARGE_UTF8:
        return Double.parseDouble(getUtf8(row));
      case INT8:
      case INT16:
      case INT32:
      case INT64:
      case UINT8:
      case UINT16:
      case UINT32:
        return getLong(row);
      default:
        throw noValue("double");
    }
  }

  public float getFloat(int row) {
    if (dictionary == null && kind == ArrowKind.FLOAT32) {
      return data.getFloat(row << 2);
    }
    return (float) getDouble(row);
  }

  public boolean getBoolean(int row) {
    if (dictionary != null) {
      return dictionary.getBoolean(index(row));
    }
    switch (kind) {
      case BOOL:
        return (data.get(row >>> 3) & (1 << (row & 7))) != 0;
      case UTF8:
      case LARGE_UTF8:
        return Boolean.parseBoolean(getUtf8(row));
      case INT8:
      case INT16:
      case INT32:
      case INT64:
      case UINT8:
      case UINT16:
      case UINT32:
      case UINT64:
        return getLong(row) != 0;
      default:
        throw noValue("boolean");
    }
  }

  public BigDecimal getBigDecimal(int row) {
    if (dictionary != null) {
      return dictionary.getBigDecimal(index(row));
    }
    switch (kind) {
      case DECIMAL:
        return decimal(row);
      case INT8:
      case INT16:
      case INT32:
      case INT64:
      case UINT8:
      case UINT16:
      case UINT32:
        return BigDecimal.valueOf(getLong(row));
      case UINT64:
        return new BigDecimal(Long.toUnsignedString(data.getLong(row << 3)));
      case FLOAT32:
        return new BigDecimal(Float.toString(getFloat(row)));
      case FLOAT64:
        return BigDecimal.valueOf(getDouble(row));
      case UTF8:
      case LARGE_UTF8:
        return new BigDecimal(getUtf8(row));
      default:
        throw noValue("decimal");
    }
  }

  private BigDecimal decimal(int row) {
    int width = field.byteWidth();
    int at = row * width;
    long low = data.getLong(at);
    boolean fitsLong = true;
    for (int i = 8; i < width; i += 8) {
      if (data.getLong(at + i) != (low >> 63)) {
        fitsLong = false;
        break;
      }
    }
    if (fitsLong) {
      return BigDecimal.valueOf(low, field.scale());
    }
    byte[] bigEndian = new byte[width];
    for (int i = 0; i < width; i++) {
      bigEndian[width - 1 - i] = data.get(at + i);
    }
    return new BigDecimal(new BigInteger(bigEndian), field.scale());
  }

  /** Text of a string value; for other kinds the same as {@link #text(int)}. */
  public String getString(int row) {
    return text(row);
  }

  /** The bytes of a binary or string value (a copy). */
  public byte[] getBytes(int row) {
    if (dictionary != null) {
      return dictionary.getBytes(index(row));
    }
    switch (kind) {
      case UTF8:
      case BINARY:
      case LARGE_UTF8:
      case LARGE_BINARY:
      case FIXED_SIZE_BINARY:
        long start = start(row);
        return copy((int) start, (int) (end(row) - start));
      default:
        throw noValue("binary");
    }
  }

  public LocalDate getLocalDate(int row) {
    if (dictionary != null) {
      return dictionary.getLocalDate(index(row));
    }
    switch (kind) {
      case DATE_DAY:
        return LocalDate.ofEpochDay(data.getInt(row << 2));
      case DATE_MILLI:
        return LocalDate.ofEpochDay(Math.floorDiv(data.getLong(row << 3), 86_400_000L));
      case TIMESTAMP:
        return getLocalDateTime(row).toLocalDate();
      case UTF8:
      case LARGE_UTF8:
        String text = getUtf8(row);
        return LocalDate.parse(text.length() > 10 && text.charAt(10) == 'T' ? text.substring(0, 10) : text);
      default:
        throw noValue("date");
    }
  }

  /** The instant of a timestamp; a timestamp without zone (TIMESTAMP_NTZ) is read as UTC. */
  public Instant getInstant(int row) {
    if (dictionary != null) {
      return dictionary.getInstant(index(row));
    }
    switch (kind) {
      case TIMESTAMP:
        return instant(data.getLong(row << 3), field.timeUnit());
      case DATE_DAY:
      case DATE_MILLI:
        return getLocalDate(row).atStartOfDay(ZoneOffset.UTC).toInstant();
      case UTF8:
      case LARGE_UTF8:
        return Instant.parse(getUtf8(row));
      default:
        throw noValue("timestamp");
    }
  }

  /**
   * The wall-clock time of a timestamp: as stored for TIMESTAMP_NTZ (no zone), in the column's zone
   * otherwise.
   */
  public LocalDateTime getLocalDateTime(int row) {
    if (dictionary != null) {
      return dictionary.getLocalDateTime(index(row));
    }
    switch (kind) {
      case TIMESTAMP:
        Instant instant = instant(data.getLong(row << 3), field.timeUnit());
        return LocalDateTime.ofInstant(instant, field.zone() == null ? ZoneOffset.UTC : field.zone());
      case DATE_DAY:
      case DATE_MILLI:
        return getLocalDate(row).atStartOfDay();
      case UTF8:
      case LARGE_UTF8:
        String text = getUtf8(row);
        return text.endsWith("Z") ? LocalDateTime.ofInstant(Instant.parse(text), ZoneOffset.UTC) : LocalDateTime.parse(text);
      default:
        throw noValue("timestamp");
    }
  }

  public LocalTime getLocalTime(int row) {
    if (dictionary != null) {
      return dictionary.getLocalTime(index(row));
    }
    if (kind != ArrowKind.TIME) {
      throw noValue("time");
    }
    return LocalTime.ofNanoOfDay(getLong(row) * nanosPer(field.timeUnit()));
  }

  /** YEAR TO MONTH intervals (and the month/day part of MONTH_DAY_NANO). */
  public Period getPeriod(int row) {
    if (dictionary != null) {
      return dictionary.getPeriod(index(row));
    }
    switch (kind) {
      case INTERVAL_YEAR_MONTH:
        int months = data.getInt(row << 2);
        return Period.of(months / 12, months % 12, 0);
      case INTERVAL_MONTH_DAY_NANO:
        int m = data.getInt(row << 4);
        return Period.of(m / 12, m % 12, data.getInt((row << 4) + 4));
      case INTERVAL_DAY_TIME:
        return Period.ofDays(data.getInt(row << 3));
      default:
        throw noValue("period");
    }
  }

  /** DAY TO SECOND intervals (Arrow duration or day-time interval). */
  public Duration getDuration(int row) {
    if (dictionary != null) {
      return dictionary.getDuration(index(row));
    }
    switch (kind) {
      case DURATION:
        long v = data.getLong(row << 3);
        long perSecond = 1_000_000_000L / nanosPer(field.timeUnit());
        return Duration.ofSeconds(Math.floorDiv(v, perSecond), Math.floorMod(v, perSecond) * nanosPer(field.timeUnit()));
      case INTERVAL_DAY_TIME:
        return Duration.ofDays(data.getInt(row << 3)).plusMillis(data.getInt((row << 3) + 4));
      case INTERVAL_MONTH_DAY_NANO:
        return Duration.ofNanos(data.getLong((row << 4) + 8));
      default:
        throw noValue("duration");
    }
  }

  // ---- text as JSON_ARRAY carries it ----

  /**
   * The value as Databricks' JSON_ARRAY format carries it as a string, or null for SQL NULL: numbers
   * plain, booleans {@code true}/{@code false}, dates {@code yyyy-MM-dd}, timestamps {@code
   * yyyy-MM-ddTHH:mm:ss.SSSZ} in UTC, binary base64, ARRAY/MAP/STRUCT as compact JSON text.
   */
  public String text(int row) {
    if (isNull(row)) {
      return null;
    }
    if (dictionary != null) {
      return dictionary.text(index(row));
    }
    switch (kind) {
      case UTF8:
      case LARGE_UTF8:
        return getUtf8(row);
      case BOOL:
        return getBoolean(row) ? "true" : "false";
      case INT8:
      case INT16:
      case INT32:
      case INT64:
      case UINT8:
      case UINT16:
      case UINT32:
        return Long.toString(getLong(row));
      case UINT64:
        return Long.toUnsignedString(data.getLong(row << 3));
      case FLOAT32:
        return Float.toString(data.getFloat(row << 2));
      case FLOAT64:
        return Double.toString(data.getDouble(row << 3));
      case DECIMAL:
        return decimal(row).toPlainString();
      case BINARY:
      case LARGE_BINARY:
      case FIXED_SIZE_BINARY:
        return Base64.getEncoder().encodeToString(getBytes(row));
      case DATE_DAY:
      case DATE_MILLI:
        return getLocalDate(row).toString();
      case TIMESTAMP:
        return TIMESTAMP_TEXT.format(LocalDateTime.ofInstant(getInstant(row), ZoneOffset.UTC));
      case TIME:
        return getLocalTime(row).toString();
      case INTERVAL_YEAR_MONTH:
        return yearMonthText(data.getInt(row << 2));
      case DURATION:
      case INTERVAL_DAY_TIME:
        return dayTimeText(getDuration(row));
      case INTERVAL_MONTH_DAY_NANO:
        return monthDayNanoText(row);
      case LIST:
      case LARGE_LIST:
      case FIXED_SIZE_LIST:
      case STRUCT:
      case MAP:
        StringBuilder json = new StringBuilder();
        appendJson(json, row);
        return json.toString();
      default:
        throw noValue("text");
    }
  }

  /** Spark's string form of YEAR TO MONTH intervals: {@code 1-2}, {@code -0-3}. */
  static String yearMonthText(int months) {
    long abs = Math.abs((long) months);
    return (months < 0 ? "-" : "") + abs / 12 + "-" + abs % 12;
  }

  /** Spark's string form of DAY TO SECOND intervals: {@code 1 02:03:04.500000000}. */
  static String dayTimeText(Duration duration) {
    boolean negative = duration.isNegative();
    Duration abs = duration.abs();
    long seconds = abs.getSeconds();
    return String.format("%s%d %02d:%02d:%02d.%09d", negative ? "-" : "", seconds / 86_400, seconds / 3600 % 24,
        seconds / 60 % 60, seconds % 60, abs.getNano());
  }

  private String monthDayNanoText(int row) {
    int months = data.getInt(row << 4);
    int days = data.getInt((row << 4) + 4);
    long nanos = data.getLong((row << 4) + 8);
    return months + " months " + days + " days " + BigDecimal.valueOf(nanos, 9).stripTrailingZeros().toPlainString()
        + " seconds";
  }

  /** Appends the JSON value of a slot: what JSON_ARRAY shows for the value inside ARRAY/MAP/STRUCT text. */
  void appendJson(StringBuilder out, int row) {
    if (isNull(row)) {
      out.append("null");
      return;
    }
    if (dictionary != null) {
      dictionary.appendJson(out, index(row));
      return;
    }
    switch (kind) {
      case BOOL:
      case INT8:
      case INT16:
      case INT32:
      case INT64:
      case UINT8:
      case UINT16:
      case UINT32:
      case UINT64:
      case DECIMAL:
        out.append(text(row));
        return;
      case FLOAT32:
      case FLOAT64:
        double d = getDouble(row);
        if (Double.isNaN(d) || Double.isInfinite(d)) {
          quote(out, text(row));
        } else {
          out.append(text(row));
        }
        return;
      case LIST:
      case LARGE_LIST:
      case FIXED_SIZE_LIST: {
        ArrowVector elements = children[0];
        long end = end(row);
        out.append('[');
        for (long i = start(row); i < end; i++) {
          if (i > start(row)) {
            out.append(',');
          }
          elements.appendJson(out, (int) i);
        }
        out.append(']');
        return;
      }
      case STRUCT:
        out.append('{');
        for (int c = 0; c < children.length; c++) {
          if (c > 0) {
            out.append(',');
          }
          quote(out, children[c].field().name());
          out.append(':');
          children[c].appendJson(out, row);
        }
        out.append('}');
        return;
      case MAP: {
        // Keys always become JSON strings, as JSON_ARRAY renders MAP<INT, ..> as {"1": ...}.
        ArrowVector entries = children[0];
        ArrowVector keys = entries.children[0];
        ArrowVector values = entries.children[1];
        long end = end(row);
        out.append('{');
        for (long i = start(row); i < end; i++) {
          if (i > start(row)) {
            out.append(',');
          }
          quote(out, String.valueOf(keys.text((int) i)));
          out.append(':');
          values.appendJson(out, (int) i);
        }
        out.append('}');
        return;
      }
      default:
        quote(out, text(row));
    }
  }

  /** Appends a JSON string literal, escaping as Jackson does by default. */
  static void quote(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        case '\b':
          out.append("\\b");
          break;
        case '\f':
          out.append("\\f");
          break;
        default:
          if (c < 0x20) {
            out.append(String.format("\\u%04X", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }

  // ---- layout helpers ----

  /** First element (list/map) or byte (binary/string) of a slot. */
  public long start(int row) {
    switch (kind) {
      case LARGE_UTF8:
      case LARGE_BINARY:
      case LARGE_LIST:
        return offsets.getLong(row << 3);
      case FIXED_SIZE_BINARY:
        return (long) row * field.byteWidth();
      case FIXED_SIZE_LIST:
        return (long) row * field.listSize();
      default:
        return offsets.getInt(row << 2);
    }
  }

  /** One past the last element or byte of a slot. */
  public long end(int row) {
    return start(row + 1);
  }

  private String getUtf8(int row) {
    long start = start(row);
    int n = (int) (end(row) - start);
    if (data.hasArray()) {
      return new String(data.array(), data.arrayOffset() + (int) start, n, StandardCharsets.UTF_8);
    }
    return new String(copy((int) start, n), StandardCharsets.UTF_8);
  }

  private byte[] copy(int start, int n) {
    byte[] out = new byte[n];
    if (data.hasArray()) {
      System.arraycopy(data.array(), data.arrayOffset() + start, out, 0, n);
    } else {
      ByteBuffer view = data.duplicate();
      view.position(start);
      view.get(out);
    }
    return out;
  }

  private static Instant instant(long value, int unit) {
    switch (unit) {
      case ArrowField.SECOND:
        return Instant.ofEpochSecond(value);
      case ArrowField.MILLISECOND:
        return Instant.ofEpochMilli(value);
      case ArrowField.MICROSECOND:
        return Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000L), Math.floorMod(value, 1_000_000L) * 1_000L);
      default:
        return Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000_000L), Math.floorMod(value, 1_000_000_000L));
    }
  }

  private static long nanosPer(int unit) {
    switch (unit) {
      case ArrowField.SECOND:
        return 1_000_000_000L;
      case ArrowField.MILLISECOND:
        return 1_000_000L;
      case ArrowField.MICROSECOND:
        return 1_000L;
      default:
        return 1L;
    }
  }

  private IllegalStateException noValue(String what) {
    return new IllegalStateException("Arrow column '" + field.name() + "' of type " + kind + " has no " + what + " value");
  }
}
