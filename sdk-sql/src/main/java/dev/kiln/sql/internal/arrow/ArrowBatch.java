package dev.kiln.sql.internal.arrow;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * One Arrow record batch: {@link #rowCount()} rows of typed column vectors over the message body
 * bytes. Per-(row, column) getters delegate to {@link ArrowVector}; see there for conversions. Holds
 * no per-value objects; {@link #retainedBytes()} is what keeping the batch costs.
 */
public final class ArrowBatch {
  private final List<ArrowField> schema;
  private final ArrowVector[] columns;
  private final int rowCount;
  private final long retainedBytes;

  ArrowBatch(List<ArrowField> schema, ArrowVector[] columns, int rowCount, long retainedBytes) {
    this.schema = schema;
    this.columns = columns;
    this.rowCount = rowCount;
    this.retainedBytes = retainedBytes;
  }

  public List<ArrowField> schema() {
    return schema;
  }

  public int rowCount() {
    return rowCount;
  }

  public int columnCount() {
    return columns.length;
  }

  public ArrowVector column(int col) {
    return columns[col];
  }

  /** Bytes this batch keeps reachable: message body (or decompressed buffers) plus the dictionaries it uses. */
  public long retainedBytes() {
    return retainedBytes;
  }

  public boolean isNull(int row, int col) {
    return columns[col].isNull(row);
  }

  public long getLong(int row, int col) {
    return columns[col].getLong(row);
  }

  public int getInt(int row, int col) {
    return columns[col].getInt(row);
  }

  public double getDouble(int row, int col) {
    return columns[col].getDouble(row);
  }

  public boolean getBoolean(int row, int col) {
    return columns[col].getBoolean(row);
  }

  public BigDecimal getBigDecimal(int row, int col) {
    return columns[col].getBigDecimal(row);
  }

  public String getString(int row, int col) {
    return columns[col].getString(row);
  }

  public byte[] getBytes(int row, int col) {
    return columns[col].getBytes(row);
  }

  public LocalDate getLocalDate(int row, int col) {
    return columns[col].getLocalDate(row);
  }

  public Instant getInstant(int row, int col) {
    return columns[col].getInstant(row);
  }

  public LocalDateTime getLocalDateTime(int row, int col) {
    return columns[col].getLocalDateTime(row);
  }

  /** The value as JSON_ARRAY carries it as a string (null for SQL NULL); JSON text for ARRAY/MAP/STRUCT. */
  public String text(int row, int col) {
    return columns[col].text(row);
  }
}
