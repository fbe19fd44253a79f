package dev.kiln.sql.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.OptionalLong;
import org.immutables.value.Value;

/** {@code manifest.chunks[]}: where a chunk sits in the result and how many rows it holds. */
@Value.Immutable
@JsonSerialize(as = ChunkInfo.class)
@JsonDeserialize(as = ChunkInfo.class)
abstract class ChunkInfoDef {
  /** The chunk's 0-based position in the result. */
  @JsonProperty("chunk_index")
  public abstract int chunkIndex();

  /** The 0-based index in the whole result of the chunk's first row. */
  @JsonProperty("row_offset")
  public abstract OptionalLong rowOffset();

  /** Rows in the chunk. */
  @JsonProperty("row_count")
  public abstract OptionalLong rowCount();

  /** The chunk's size in bytes, as the server counts it. */
  @JsonProperty("byte_count")
  public abstract OptionalLong byteCount();
}
