package dev.kiln.sql.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A batch of rows read by (row, column): the one shape {@code Row} reads, whatever the wire format
 * (text rows of JSON_ARRAY/CSV, or a columnar Arrow batch). Immutable once handed to the reader.
 * Typed reads throw an unchecked exception when the value cannot be read as that type; the caller
 * names the column. Typed reads of a NULL value are undefined: check {@link #isNull} first.
 */
public interface ChunkData {
  int rowCount();

  /** Values in the row (text rows may be ragged; the loader checks them against the schema). */
  int valueCount(int row);

  boolean isNull(int row, int col);

  /** The value's text exactly as JSON_ARRAY carries it; null for SQL NULL. */
  String text(int row, int col);

  long getLong(int row, int col);

  double getDouble(int row, int col);

  boolean getBoolean(int row, int col);

  default BigDecimal getBigDecimal(int row, int col) {
    return TextValues.parseDecimal(text(row, col));
  }

  default byte[] getBytes(int row, int col) {
    return TextValues.parseBinary(text(row, col));
  }

  default LocalDate getDate(int row, int col) {
    return TextValues.parseDate(text(row, col));
  }

  default Instant getInstant(int row, int col) {
    return TextValues.parseInstant(text(row, col));
  }

  default LocalDateTime getLocalDateTime(int row, int col) {
    return TextValues.parseLocalDateTime(text(row, col));
  }

  /** Approximate heap held by this batch. */
  long retainedBytes();

  /** The rows from {@code first} on (a view, nothing copied). */
  default ChunkData from(int first) {
    return first == 0 ? this : new Tail(this, first);
  }

  /** Rows after the first {@code offset} of another batch (rows already handed out before a retry). */
  final class Tail implements ChunkData {
    private final ChunkData d;
    private final int offset;

    Tail(ChunkData d, int offset) {
      this.d = d;
      this.offset = Math.min(offset, d.rowCount());
    }

    @Override
    public int rowCount() {
      return d.rowCount() - offset;
    }

    @Override
    public int valueCount(int row) {
      return d.valueCount(row + offset);
    }

    @Override
    public boolean isNull(int row, int col) {
      return d.isNull(row + offset, col);
    }

    @Override
    public String text(int row, int col) {
      return d.text(row + offset, col);
    }

    @Override
    public long getLong(int row, int col) {
      return d.getLong(row + offset, col);
    }

    @Override
    public double getDouble(int row, int col) {
      return d.getDouble(row + offset, col);
    }

    @Override
    public boolean getBoolean(int row, int col) {
      return d.getBoolean(row + offset, col);
    }

    @Override
    public BigDecimal getBigDecimal(int row, int col) {
      return d.getBigDecimal(row + offset, col);
    }

    @Override
    public byte[] getBytes(int row, int col) {
      return d.getBytes(row + offset, col);
    }

    @Override
    public LocalDate getDate(int row, int col) {
      return d.getDate(row + offset, col);
    }

    @Override
    public Instant getInstant(int row, int col) {
      return d.getInstant(row + offset, col);
    }

    @Override
    public LocalDateTime getLocalDateTime(int row, int col) {
      return d.getLocalDateTime(row + offset, col);
    }

    @Override
    public long retainedBytes() {
      return d.retainedBytes();
    }

    @Override
    public ChunkData from(int first) {
      return d.from(offset + first);
    }
  }
}
