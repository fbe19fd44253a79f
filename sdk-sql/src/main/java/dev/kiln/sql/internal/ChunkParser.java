package dev.kiln.sql.internal;

import java.io.IOException;
import java.io.InputStream;

/** Reads one chunk body into batches of rows as it streams in, a batch at a time, on the reader's side. */
interface ChunkParser {
  /** Rows per batch at most; a batch also ends once it holds about {@link #BATCH_BYTES} of values. */
  int BATCH_ROWS = 4096;
  int BATCH_BYTES = 256 * 1024;

  /** Starts reading {@code body}; nothing is read until {@link Batches#next()}. */
  Batches open(InputStream body);

  /** The batches of one body, in order. */
  interface Batches {
    /** The next batch, or null after the last; {@link IOException} on a broken or cut-off body. */
    ChunkData next() throws IOException;
  }
}
