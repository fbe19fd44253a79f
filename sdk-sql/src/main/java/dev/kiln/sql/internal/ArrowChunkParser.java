package dev.kiln.sql.internal;

import dev.kiln.sql.internal.arrow.ArrowBatch;
import dev.kiln.sql.internal.arrow.ArrowStreamReader;
import java.io.IOException;
import java.io.InputStream;

/**
 * ARROW_STREAM chunks: one Arrow IPC stream per chunk, read record batch by record batch on the
 * reader's side (a corrupt or cut-off stream is an {@link IOException}, so the chunk is fetched
 * again with a fresh link like any broken download). LZ4 frames are decoded before (by the download, see {@link ChunkBytes}).
 */
final class ArrowChunkParser implements ChunkParser {
  @Override
  public Batches open(InputStream body) {
    ArrowStreamReader reader = new ArrowStreamReader(body);
    return () -> {
      ArrowBatch batch = reader.next();
      return batch == null ? null : new ArrowChunkData(batch);
    };
  }
}
