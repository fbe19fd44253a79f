package dev.kiln.sql;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.sql.internal.ChunkData;
import dev.kiln.sql.internal.TextValues;
import dev.kiln.sql.model.Column;
import dev.kiln.sql.model.ColumnType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One result row, read by column name or 0-based index. Each getter accepts the column types that
 * convert without loss (e.g. {@code getLong} reads BYTE, SHORT, INT and LONG); any other read
 * throws {@link RowAccessException} naming the column and its type. Reference getters return null
 * for SQL NULL; primitive getters throw on NULL, so check {@link #isNull(String)} first.
 * Columns of a type this SDK does not know can be read with any getter.
 *
 * <p>A row reads the same whatever format the result came in (JSON_ARRAY, CSV or ARROW_STREAM).
 * It is a small immutable view of one row in the batch it was parsed into, and stays valid for as
 * long as it is referenced, also after the iteration moved on (keeping rows keeps their batch in
 * memory, so keep only what you need). Values are decoded once, when the batch is parsed; the
 * primitive getters read numbers straight from it, without boxing.
 */
public final class Row {
  private static final Set<ColumnType> INTS = EnumSet.of(ColumnType.BYTE, ColumnType.SHORT, ColumnType.INT);
  private static final Set<ColumnType> LONGS = EnumSet.of(ColumnType.BYTE, ColumnType.SHORT, ColumnType.INT, ColumnType.LONG);
  private static final Set<ColumnType> NUMBERS = EnumSet.of(ColumnType.BYTE, ColumnType.SHORT, ColumnType.INT,
      ColumnType.LONG, ColumnType.FLOAT, ColumnType.DOUBLE, ColumnType.DECIMAL);
  private static final Set<ColumnType> TIMESTAMPS = EnumSet.of(ColumnType.TIMESTAMP, ColumnType.TIMESTAMP_NTZ);
  private static final Set<ColumnType> BOOLEAN_ONLY = EnumSet.of(ColumnType.BOOLEAN);
  private static final Set<ColumnType> DATE_ONLY = EnumSet.of(ColumnType.DATE);
  private static final Set<ColumnType> TIMESTAMP_ONLY = EnumSet.of(ColumnType.TIMESTAMP);
  private static final Set<ColumnType> BINARY_ONLY = EnumSet.of(ColumnType.BINARY);
  private static final Set<ColumnType> COMPLEX = EnumSet.of(ColumnType.ARRAY, ColumnType.MAP, ColumnType.STRUCT);
  /** For getObject, which reads each type as itself. */
  private static final Set<ColumnType> ANY = EnumSet.allOf(ColumnType.class);

  private final RowSchema schema;
  private final ChunkData data;
  private final int row;

  Row(RowSchema schema, ChunkData data, int row) {
    this.schema = schema;
    this.data = data;
    this.row = row;
  }

  /** Number of values (the result's column count). */
  public int size() {
    return data.valueCount(row);
  }

  /** The result's columns, in order: name, type and position of each value. */
  public List<Column> columns() {
    return schema.columns();
  }

  /**
   * Whether the named column's value is SQL NULL. Names match exactly first, then ignoring case
   * when that finds one column.
   *
   * @throws RowAccessException when no column has that name, or several do when case is ignored
   */
  public boolean isNull(String column) {
    return isNull(schema.indexOf(column));
  }

  /**
   * Whether the value at a 0-based index is SQL NULL.
   *
   * @throws RowAccessException when the index is out of range
   */
  public boolean isNull(int index) {
    checkIndex(index);
    return data.isNull(row, index);
  }

  /** The value's text as sent, for a column of any type (JSON text for ARRAY/MAP/STRUCT). */
  public String getString(String column) {
    return getString(schema.indexOf(column));
  }

  /** {@link #getString(String)} by 0-based index; null for SQL NULL. */
  public String getString(int index) {
    checkIndex(index);
    return data.text(row, index);
  }

  /** {@link #getInt(int)} for the named column. */
  public int getInt(String column) {
    return getInt(schema.indexOf(column));
  }

  /** BYTE, SHORT or INT. */
  public int getInt(int index) {
    checkPrimitive(index, "getInt", INTS);
    long v;
    try {
      v = data.getLong(row, index);
    } catch (RuntimeException e) {
      throw unparsable(index, "getInt", e);
    }
    if (v != (int) v) {
      throw unparsable(index, "getInt", new ArithmeticException("out of range"));
    }
    return (int) v;
  }

  /** {@link #getLong(int)} for the named column. */
  public long getLong(String column) {
    return getLong(schema.indexOf(column));
  }

  /** BYTE, SHORT, INT or LONG. */
  public long getLong(int index) {
    checkPrimitive(index, "getLong", LONGS);
    try {
      return data.getLong(row, index);
    } catch (RuntimeException e) {
      throw unparsable(index, "getLong", e);
    }
  }

  /** {@link #getDouble(int)} for the named column. */
  public double getDouble(String column) {
    return getDouble(schema.indexOf(column));
  }

  /**
   * Any numeric column (DECIMAL may lose precision). A FLOAT is the float widened, whatever the
   * format: JSON_ARRAY's text "0.1" and ARROW_STREAM's float32 both read as 0.10000000149011612.
   */
  public double getDouble(int index) {
    checkPrimitive(index, "getDouble", NUMBERS);
    try {
      double value = data.getDouble(row, index);
      return schema.type(index) == ColumnType.FLOAT ? (double) (float) value : value;
    } catch (RuntimeException e) {
      throw unparsable(index, "getDouble", e);
    }
  }

  /** {@link #getBoolean(int)} for the named column. */
  public boolean getBoolean(String column) {
    return getBoolean(schema.indexOf(column));
  }

  /**
   * A BOOLEAN column; throws {@link RowAccessException} for NULL (check {@link #isNull(int)} first)
   * or another type.
   */
  public boolean getBoolean(int index) {
    checkPrimitive(index, "getBoolean", BOOLEAN_ONLY);
    try {
      return data.getBoolean(row, index);
    } catch (RuntimeException e) {
      throw unparsable(index, "getBoolean", e);
    }
  }

  /** {@link #getBigDecimal(int)} for the named column. */
  public BigDecimal getBigDecimal(String column) {
    return getBigDecimal(schema.indexOf(column));
  }

  /** DECIMAL or any integral column, exactly; FLOAT/DOUBLE as their decimal text. */
  public BigDecimal getBigDecimal(int index) {
    return read(index, "getBigDecimal", NUMBERS, ChunkData::getBigDecimal);
  }

  /** {@link #getLocalDate(int)} for the named column. */
  public LocalDate getLocalDate(String column) {
    return getLocalDate(schema.indexOf(column));
  }

  /** A DATE column as a date; null for SQL NULL. */
  public LocalDate getLocalDate(int index) {
    return read(index, "getLocalDate", DATE_ONLY, ChunkData::getDate);
  }

  /** {@link #getInstant(int)} for the named column. */
  public Instant getInstant(String column) {
    return getInstant(schema.indexOf(column));
  }

  /** A TIMESTAMP as an instant. TIMESTAMP_NTZ has no zone: read it with {@link #getLocalDateTime(int)}. */
  public Instant getInstant(int index) {
    return read(index, "getInstant", TIMESTAMP_ONLY, ChunkData::getInstant);
  }

  /** {@link #getLocalDateTime(int)} for the named column. */
  public LocalDateTime getLocalDateTime(String column) {
    return getLocalDateTime(schema.indexOf(column));
  }

  /** TIMESTAMP_NTZ as sent, or TIMESTAMP as UTC wall-clock time. */
  public LocalDateTime getLocalDateTime(int index) {
    return read(index, "getLocalDateTime", TIMESTAMPS, ChunkData::getLocalDateTime);
  }

  /** {@link #getBytes(int)} for the named column. */
  public byte[] getBytes(String column) {
    return getBytes(schema.indexOf(column));
  }

  /** BINARY, decoded from base64. */
  public byte[] getBytes(int index) {
    return read(index, "getBytes", BINARY_ONLY, ChunkData::getBytes);
  }

  /** {@link #getJson(int)} for the named column. */
  public JsonNode getJson(String column) {
    return getJson(schema.indexOf(column));
  }

  /** ARRAY, MAP or STRUCT, parsed from its JSON text. */
  public JsonNode getJson(int index) {
    return read(index, "getJson", COMPLEX, (d, r, c) -> TextValues.parseJson(d.text(r, c)));
  }

  /** {@link #getObject(int)} for the named column. */
  public Object getObject(String column) {
    return getObject(schema.indexOf(column));
  }

  /**
   * The value as its natural Java type: String (STRING, CHAR, INTERVAL, unknown types), Byte, Short,
   * Integer, Long, Float, Double, BigDecimal, Boolean, LocalDate, Instant (TIMESTAMP), LocalDateTime
   * (TIMESTAMP_NTZ), byte[] (BINARY), JsonNode (ARRAY, MAP, STRUCT); null for SQL NULL.
   */
  public Object getObject(int index) {
    ColumnType type = schema.type(index);
    switch (type) {
      case BYTE:
        return read(index, "getObject", ANY, (d, r, c) -> (byte) narrow(d.getLong(r, c), Byte.MIN_VALUE, Byte.MAX_VALUE));
      case SHORT:
        return read(index, "getObject", ANY, (d, r, c) -> (short) narrow(d.getLong(r, c), Short.MIN_VALUE, Short.MAX_VALUE));
      case INT:
        return read(index, "getObject", ANY, (d, r, c) -> (int) narrow(d.getLong(r, c), Integer.MIN_VALUE, Integer.MAX_VALUE));
      case LONG:
        return read(index, "getObject", ANY, ChunkData::getLong);
      case FLOAT:
        return read(index, "getObject", ANY, (d, r, c) -> (float) d.getDouble(r, c));
      case DOUBLE:
        return read(index, "getObject", ANY, ChunkData::getDouble);
      case DECIMAL:
        return getBigDecimal(index);
      case BOOLEAN:
        return read(index, "getObject", ANY, ChunkData::getBoolean);
      case DATE:
        return getLocalDate(index);
      case TIMESTAMP:
        return getInstant(index);
      case TIMESTAMP_NTZ:
        return getLocalDateTime(index);
      case BINARY:
        return getBytes(index);
      case ARRAY:
      case MAP:
      case STRUCT:
        return getJson(index);
      default:
        return getString(index);
    }
  }

  private static long narrow(long v, long min, long max) {
    if (v < min || v > max) {
      throw new ArithmeticException("out of range");
    }
    return v;
  }

  /** Column name to {@link #getObject(int)}, in column order. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < size(); i++) {
      map.put(schema.column(i).name(), getObject(i));
    }
    return Collections.unmodifiableMap(map);
  }

  /** The values' text as sent (null for SQL NULL). */
  public List<String> values() {
    String[] values = new String[size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = data.text(row, i);
    }
    return Collections.unmodifiableList(Arrays.asList(values));
  }

  /** Column names only: values may be sensitive and are never printed. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("Row[");
    for (int i = 0; i < size(); i++) {
      b.append(i == 0 ? "" : ", ").append(schema.column(i).name());
    }
    return b.append(']').toString();
  }

  private void checkIndex(int index) {
    schema.column(index); // range check with a clear message
  }

  /** Type check, then the NULL check primitive getters need. */
  private void checkPrimitive(int index, String getter, Set<ColumnType> accepted) {
    checkType(index, getter, accepted);
    if (data.isNull(row, index)) {
      Column c = schema.column(index);
      throw new RowAccessException("column '" + c.name() + "' (" + c.rawType() + ") is NULL, which " + getter
          + " cannot return: check isNull(\"" + c.name() + "\") first, or use getObject");
    }
  }

  private void checkType(int index, String getter, Set<ColumnType> accepted) {
    ColumnType type = schema.type(index);
    boolean readable = accepted.contains(type) || type == ColumnType.UNKNOWN || type == ColumnType.NULL;
    if (!readable) {
      Column c = schema.column(index);
      throw new RowAccessException("column '" + c.name() + "' is " + c.typeText().orElse(c.rawType())
          + ", which " + getter + " cannot read; use " + suggestedGetter(type));
    }
  }

  /** The value stays out of the message and the cause is dropped (its message may quote the value). */
  private RowAccessException unparsable(int index, String getter, RuntimeException e) {
    Column c = schema.column(index);
    return new RowAccessException("column '" + c.name() + "' (" + c.rawType() + ") holds a value " + getter
        + " cannot parse (" + e.getClass().getSimpleName() + ")");
  }

  /** Reads one value of a batch. */
  @FunctionalInterface
  private interface Reader<T> {
    T read(ChunkData data, int row, int col);
  }

  private <T> T read(int index, String getter, Set<ColumnType> accepted, Reader<T> reader) {
    checkType(index, getter, accepted);
    if (data.isNull(row, index)) {
      return null;
    }
    try {
      return reader.read(data, row, index);
    } catch (RuntimeException e) {
      throw unparsable(index, getter, e);
    }
  }

  private static String suggestedGetter(ColumnType type) {
    switch (type) {
      case BYTE:
      case SHORT:
      case INT:
        return "getInt";
      case LONG:
        return "getLong";
      case FLOAT:
      case DOUBLE:
        return "getDouble";
      case DECIMAL:
        return "getBigDecimal";
      case BOOLEAN:
        return "getBoolean";
      case DATE:
        return "getLocalDate";
      case TIMESTAMP:
        return "getInstant or getLocalDateTime";
      case TIMESTAMP_NTZ:
        return "getLocalDateTime";
      case BINARY:
        return "getBytes";
      case ARRAY:
      case MAP:
      case STRUCT:
        return "getJson";
      default:
        return "getString";
    }
  }
}
