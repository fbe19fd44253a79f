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
  @JsonProperty("chunk_index")
  public abstract int chunkIndex();

  @JsonProperty("row_offset")
  public abstract OptionalLong rowOffset();

  @JsonProperty("row_count")
  public abstract OptionalLong rowCount();

  @JsonProperty("byte_count")
  public abstract OptionalLong byteCount();
}
