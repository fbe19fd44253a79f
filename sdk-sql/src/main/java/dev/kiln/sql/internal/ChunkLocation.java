package dev.kiln.sql.internal;

import dev.kiln.sql.model.ExternalLink;
import dev.kiln.sql.model.ResultData;
import java.util.OptionalLong;

/** Where one chunk's rows are: inline in an API answer, or behind a presigned link. */
final class ChunkLocation {
  private final ExternalLink link;
  private final ResultData inline;

  private ChunkLocation(ExternalLink link, ResultData inline) {
    this.link = link;
    this.inline = inline;
  }

  static ChunkLocation external(ExternalLink link) {
    return new ChunkLocation(link, null);
  }

  static ChunkLocation inline(ResultData data) {
    return new ChunkLocation(null, data);
  }

  boolean isExternal() {
    return link != null;
  }

  ExternalLink link() {
    return link;
  }

  ResultData inline() {
    return inline;
  }

  /** The row count the answer itself states for the chunk, if any. */
  OptionalLong rowCount() {
    return link != null ? link.rowCount() : inline.rowCount();
  }
}
