package dev.kiln.sql.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * One result chunk ({@code result} of a statement, or {@code /result/chunks/{n}}): inline rows in
 * {@link #dataArray()} (values as text, SQL NULL as null) or presigned {@link #externalLinks()}.
 */
@Value.Immutable
@JsonSerialize(as = ResultData.class)
@JsonDeserialize(as = ResultData.class)
abstract class ResultDataDef {
  /** The chunk's 0-based position in the result. */
  @JsonProperty("chunk_index")
  public abstract OptionalInt chunkIndex();

  /** The 0-based index in the whole result of the chunk's first row. */
  @JsonProperty("row_offset")
  public abstract OptionalLong rowOffset();

  /** Rows in the chunk. */
  @JsonProperty("row_count")
  public abstract OptionalLong rowCount();

  /** The chunk's size in bytes, as the server counts it. */
  @JsonProperty("byte_count")
  public abstract OptionalLong byteCount();

  /** Inline rows; each value is text or null (SQL NULL). */
  @JsonProperty("data_array")
  public abstract Optional<List<List<String>>> dataArray();

  /** Presigned links to the chunk's data, with EXTERNAL_LINKS; empty for INLINE results. */
  @JsonProperty("external_links")
  public abstract List<ExternalLink> externalLinks();

  /** The index of the next chunk; absent on the last one. */
  @JsonProperty("next_chunk_index")
  public abstract OptionalInt nextChunkIndex();

  /**
   * The API path of the next chunk ({@code /api/2.0/sql/statements/.../result/chunks/n}); absent on
   * the last one.
   */
  @JsonProperty("next_chunk_internal_link")
  public abstract Optional<String> nextChunkInternalLink();
}
