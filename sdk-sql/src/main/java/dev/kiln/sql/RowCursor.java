package dev.kiln.sql;

import dev.kiln.core.error.DatabricksClientException;
import dev.kiln.sql.internal.ChunkPrefetcher;
import dev.kiln.sql.internal.ParsedChunk;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One pass over a result's rows, chunk after chunk. Closes its prefetcher at the end, on error, or
 * when closed early (possibly from another thread); reading after an early close throws rather
 * than ending quietly, so a closed result never looks like a short one.
 */
final class RowCursor implements Iterator<Row>, AutoCloseable {
  private final ChunkPrefetcher chunks;
  private final RowSchema schema;
  private final Consumer<RowCursor> onClose;
  private final AtomicBoolean closed = new AtomicBoolean();
  private List<String[]> current = List.of();
  private int position;
  private boolean exhausted;

  RowCursor(ChunkPrefetcher chunks, RowSchema schema, Consumer<RowCursor> onClose) {
    this.chunks = chunks;
    this.schema = schema;
    this.onClose = onClose;
  }

  @Override
  public boolean hasNext() {
    while (!exhausted && position >= current.size()) {
      if (closed.get()) {
        throw new DatabricksClientException("the rows were closed before they were all read");
      }
      current = List.of(); // let the finished chunk go before waiting for the next
      ParsedChunk chunk;
      try {
        chunk = chunks.next();
      } catch (RuntimeException e) {
        close();
        throw e;
      }
      if (chunk == null) {
        exhausted = true;
        close();
      } else {
        current = chunk.rows();
        position = 0;
      }
    }
    return position < current.size();
  }

  @Override
  public Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return new Row(schema, current.get(position++));
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      chunks.close();
      onClose.accept(this);
    }
  }
}
