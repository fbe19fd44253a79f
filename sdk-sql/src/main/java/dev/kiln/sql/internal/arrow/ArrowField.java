package dev.kiln.sql.internal.arrow;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One field of an Arrow schema as Kiln reads it: name, kind and its parameters, children, custom
 * metadata, and dictionary encoding. Immutable.
 */
public final class ArrowField {
  /** Arrow time units, as in the IPC format. */
  public static final int SECOND = 0;
  public static final int MILLISECOND = 1;
  public static final int MICROSECOND = 2;
  public static final int NANOSECOND = 3;

  /** Field metadata key where Databricks puts the SQL type (for example {@code ARRAY<INT>}). */
  public static final String SQL_NAME_KEY = "Spark:DataType:SqlName";

  private static final Pattern SHORT_OFFSET = Pattern.compile("([+-])(\\d{1,2})(?::?(\\d{2}))?");

  private final String name;
  private final ArrowKind kind;
  private final boolean nullable;
  private final int byteWidth;
  private final int precision;
  private final int scale;
  private final int timeUnit;
  private final String timezone;
  private final ZoneId zone;
  private final int listSize;
  private final List<ArrowField> children;
  private final Map<String, String> metadata;
  private final long dictionaryId;
  private final ArrowKind indexKind;

  ArrowField(String name, ArrowKind kind, boolean nullable, int byteWidth, int precision, int scale, int timeUnit,
      String timezone, int listSize, List<ArrowField> children, Map<String, String> metadata, long dictionaryId,
      ArrowKind indexKind) {
    this.name = name == null ? "" : name;
    this.kind = kind;
    this.nullable = nullable;
    this.byteWidth = byteWidth;
    this.precision = precision;
    this.scale = scale;
    this.timeUnit = timeUnit;
    this.timezone = timezone == null || timezone.isEmpty() ? null : timezone;
    this.zone = this.timezone == null ? null : zoneOf(this.timezone);
    this.listSize = listSize;
    this.children = List.copyOf(children);
    this.metadata = Map.copyOf(metadata);
    this.dictionaryId = dictionaryId;
    this.indexKind = indexKind;
  }

  /** The same field with its dictionary encoding removed: the type of the dictionary's values. */
  ArrowField valueField() {
    return new ArrowField(name, kind, nullable, byteWidth, precision, scale, timeUnit, timezone, listSize, children,
        metadata, -1, null);
  }

  public String name() {
    return name;
  }

  /** The value type (for a dictionary-encoded field, the dictionary's type). */
  public ArrowKind kind() {
    return kind;
  }

  public boolean nullable() {
    return nullable;
  }

  /** Bytes per value for DECIMAL (16 or 32) and FIXED_SIZE_BINARY; 0 otherwise. */
  public int byteWidth() {
    return byteWidth;
  }

  public int precision() {
    return precision;
  }

  public int scale() {
    return scale;
  }

  /** {@link #SECOND} .. {@link #NANOSECOND} for TIMESTAMP, TIME and DURATION. */
  public int timeUnit() {
    return timeUnit;
  }

  /** The TIMESTAMP zone as the stream names it, or null for a timestamp without zone (TIMESTAMP_NTZ). */
  public String timezone() {
    return timezone;
  }

  /** {@link #timezone()} parsed (offsets like {@code +5:30} accepted), or null. */
  public ZoneId zone() {
    return zone;
  }

  public int listSize() {
    return listSize;
  }

  public List<ArrowField> children() {
    return children;
  }

  public Map<String, String> metadata() {
    return metadata;
  }

  /** The Databricks SQL type from the field metadata ({@code Spark:DataType:SqlName}), or null. */
  public String sqlName() {
    return metadata.get(SQL_NAME_KEY);
  }

  public boolean isDictionaryEncoded() {
    return indexKind != null;
  }

  /** The dictionary id, or -1 when the field is not dictionary-encoded. */
  public long dictionaryId() {
    return dictionaryId;
  }

  /** The integer kind of the dictionary indices, or null. */
  public ArrowKind indexKind() {
    return indexKind;
  }

  @Override
  public String toString() {
    return name + ": " + kind + (children.isEmpty() ? "" : children.toString());
  }

  private static ZoneId zoneOf(String tz) {
    Matcher m = SHORT_OFFSET.matcher(tz);
    if (m.matches()) {
      int hours = Integer.parseInt(m.group(2));
      int minutes = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
      return "-".equals(m.group(1)) ? ZoneOffset.ofHoursMinutes(-hours, -minutes) : ZoneOffset.ofHoursMinutes(hours, minutes);
    }
    try {
      return ZoneId.of(tz);
    } catch (RuntimeException e) {
      // An unknown zone id must not make the column unreadable: instants stay exact, local times use UTC.
      return ZoneOffset.UTC;
    }
  }
}
