package dev.kiln.sql.internal;

import dev.kiln.sql.model.ExternalLink;
import java.util.OptionalLong;

/** Where one chunk's rows are: already parsed from an API answer, or behind a presigned link. */
final class ChunkLocation {
  private final ExternalLink link;
  private final ChunkData rows;
  private final OptionalLong statedRowCount;

  private ChunkLocation(ExternalLink link, ChunkData rows, OptionalLong statedRowCount) {
    this.link = link;
    this.rows = rows;
    this.statedRowCount = statedRowCount;
  }

  static ChunkLocation external(ExternalLink link) {
    return new ChunkLocation(link, null, link.rowCount());
  }

  /** Rows that came inline, with the row count their answer states. */
  static ChunkLocation inline(ChunkData rows, OptionalLong statedRowCount) {
    return new ChunkLocation(null, rows, statedRowCount);
  }

  boolean isExternal() {
    return link != null;
  }

  ExternalLink link() {
    return link;
  }

  /** The inline rows; null for an external chunk. */
  ChunkData rows() {
    return rows;
  }

  /** The row count the answer itself states for the chunk, if any. */
  OptionalLong rowCount() {
    return statedRowCount;
  }
}
