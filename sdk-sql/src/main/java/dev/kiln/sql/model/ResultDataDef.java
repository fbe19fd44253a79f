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
  @JsonProperty("chunk_index")
  public abstract OptionalInt chunkIndex();

  @JsonProperty("row_offset")
  public abstract OptionalLong rowOffset();

  @JsonProperty("row_count")
  public abstract OptionalLong rowCount();

  @JsonProperty("byte_count")
  public abstract OptionalLong byteCount();

  /** Inline rows; each value is text or null (SQL NULL). */
  @JsonProperty("data_array")
  public abstract Optional<List<List<String>>> dataArray();

  @JsonProperty("external_links")
  public abstract List<ExternalLink> externalLinks();

  @JsonProperty("next_chunk_index")
  public abstract OptionalInt nextChunkIndex();

  @JsonProperty("next_chunk_internal_link")
  public abstract Optional<String> nextChunkInternalLink();
}
