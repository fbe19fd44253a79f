package dev.kiln.sql.internal;

import java.util.concurrent.CompletableFuture;

/** One chunk as its reader sees it: batches of rows in order, parsed on the reader's side. */
interface ChunkRows extends AutoCloseable {
  int index();

  /** The next batch (waiting for its bytes), or null after the chunk's last row. */
  ChunkData nextBatch();

  /** Completes when the chunk's first download has all its bytes (or ended otherwise). */
  CompletableFuture<Void> downloaded();

  /** Stops its download and frees what it buffered. */
  @Override
  void close();
}
