package dev.kiln.sql.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.immutables.value.Value;

/** {@code manifest}: the result's format, schema and row/chunk counts. */
@Value.Immutable
@JsonSerialize(as = ResultManifest.class)
@JsonDeserialize(as = ResultManifest.class)
abstract class ResultManifestDef {
  /** The format exactly as sent. */
  @JsonProperty("format")
  public abstract Optional<String> rawFormat();

  /** How EXTERNAL_LINKS chunk bodies are compressed, as sent ({@code LZ4_FRAME} or {@code NONE}); empty means none. */
  @JsonProperty("result_compression")
  public abstract Optional<String> rawResultCompression();

  /** The result's columns; absent for a statement that returns no rows (e.g. DDL). */
  @JsonProperty("schema")
  public abstract Optional<ResultSchema> schema();

  /** How many chunks the result has. */
  @JsonProperty("total_chunk_count")
  public abstract OptionalInt totalChunkCount();

  /** Rows in the whole result (after any truncation). */
  @JsonProperty("total_row_count")
  public abstract OptionalLong totalRowCount();

  /** The whole result's size in bytes, as the server counts it. */
  @JsonProperty("total_byte_count")
  public abstract OptionalLong totalByteCount();

  /** Whether {@code row_limit}, {@code byte_limit} or the 100 GiB cap cut the result short. */
  @JsonProperty("truncated")
  @Value.Default
  public boolean truncated() {
    return false;
  }

  /** Row offset and count of each chunk (may list only some chunks). */
  @JsonProperty("chunks")
  public abstract List<ChunkInfo> chunks();

  /** JSON_ARRAY when the server did not say. */
  @JsonIgnore
  public Format format() {
    return rawFormat().map(Format::fromWire).orElse(Format.JSON_ARRAY);
  }

  /** How chunk bodies are compressed; {@link ResultCompression#NONE} when the manifest does not say. */
  @JsonIgnore
  public ResultCompression resultCompression() {
    return rawResultCompression().map(ResultCompression::fromWire).orElse(ResultCompression.NONE);
  }

  /** The columns, empty when the manifest has no schema. */
  @JsonIgnore
  public List<Column> columns() {
    return schema().map(ResultSchema::columns).orElse(List.of());
  }
}
