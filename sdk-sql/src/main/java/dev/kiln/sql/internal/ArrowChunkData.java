package dev.kiln.sql.internal;

import dev.kiln.sql.internal.arrow.ArrowBatch;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** An Arrow record batch behind the {@link ChunkData} shape {@code Row} reads: typed values straight from the vectors. */
final class ArrowChunkData implements ChunkData {
  private final ArrowBatch batch;

  ArrowChunkData(ArrowBatch batch) {
    this.batch = batch;
  }

  @Override
  public int rowCount() {
    return batch.rowCount();
  }

  @Override
  public int valueCount(int row) {
    return batch.columnCount();
  }

  @Override
  public boolean isNull(int row, int col) {
    return batch.isNull(row, col);
  }

  @Override
  public String text(int row, int col) {
    return batch.isNull(row, col) ? null : batch.text(row, col);
  }

  @Override
  public long getLong(int row, int col) {
    return batch.getLong(row, col);
  }

  @Override
  public double getDouble(int row, int col) {
    return batch.getDouble(row, col);
  }

  @Override
  public boolean getBoolean(int row, int col) {
    return batch.getBoolean(row, col);
  }

  @Override
  public BigDecimal getBigDecimal(int row, int col) {
    return batch.getBigDecimal(row, col);
  }

  @Override
  public byte[] getBytes(int row, int col) {
    return batch.getBytes(row, col);
  }

  @Override
  public LocalDate getDate(int row, int col) {
    return batch.getLocalDate(row, col);
  }

  @Override
  public Instant getInstant(int row, int col) {
    return batch.getInstant(row, col);
  }

  @Override
  public LocalDateTime getLocalDateTime(int row, int col) {
    return batch.getLocalDateTime(row, col);
  }

  @Override
  public long retainedBytes() {
    return batch.retainedBytes();
  }
}
