package dev.kiln.sql;

import dev.kiln.core.error.DatabricksClientException;
import dev.kiln.sql.internal.ChunkData;
import dev.kiln.sql.internal.ChunkPrefetcher;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One pass over a result's rows, batch after batch. Closes its prefetcher at the end, on error, or
 * when closed early (possibly from another thread); reading after an early close throws rather
 * than ending quietly, so a closed result never looks like a short one.
 */
final class RowCursor implements Iterator<Row>, AutoCloseable {
  private final ChunkPrefetcher chunks;
  private final RowSchema schema;
  private final Consumer<RowCursor> onClose;
  private final AtomicBoolean closed = new AtomicBoolean();
  private ChunkData current;
  private int rows;
  private int position;
  private boolean exhausted;

  RowCursor(ChunkPrefetcher chunks, RowSchema schema, Consumer<RowCursor> onClose) {
    this.chunks = chunks;
    this.schema = schema;
    this.onClose = onClose;
  }

  /** Whether another row follows; may wait for the next chunk to download. */
  @Override
  public boolean hasNext() {
    while (!exhausted && position >= rows) {
      if (closed.get()) {
        throw new DatabricksClientException("the rows were closed before they were all read");
      }
      current = null; // let the finished batch go before waiting for the next
      rows = 0;
      ChunkData batch;
      try {
        batch = chunks.nextBatch();
      } catch (RuntimeException e) {
        close();
        throw e;
      }
      if (batch == null) {
        exhausted = true;
        close();
      } else {
        current = batch;
        rows = batch.rowCount();
        position = 0;
      }
    }
    return position < rows;
  }

  /** The next row. */
  @Override
  public Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return new Row(schema, current, position++);
  }

  /** The next batch whole (for the publisher); null at the end. */
  ChunkData nextBatch() {
    if (!hasNext()) {
      return null;
    }
    ChunkData batch = current;
    ChunkData rest = position == 0 ? batch : batch.from(position);
    position = rows;
    return rest;
  }

  /** Abandons the pass: pending downloads stop and buffers are freed. Idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      chunks.close();
      onClose.accept(this);
    }
  }
}
