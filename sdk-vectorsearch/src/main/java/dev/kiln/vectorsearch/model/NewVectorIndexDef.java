package dev.kiln.vectorsearch.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.kiln.core.error.InvalidRequestException;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An index to create ({@code POST /api/2.0/vector-search/indexes}): either synced from a Delta table
 * ({@link #sourceTable()} set: DELTA_SYNC) or written through the API (DIRECT_ACCESS). Embeddings are
 * managed ({@link #embeddingSources()}) or self-managed ({@link #embeddingVectors()}).
 *
 * <pre>
 * {@code NewVectorIndex.builder().name("main.docs.chunks_index").endpointName("vs-endpoint").primaryKey("id")
 *     .sourceTable("main.docs.chunks")
 *     .addEmbeddingSources(EmbeddingSource.of("text", Optional.of("databricks-gte-large-en")))
 *     .build();
 * }</pre>
 */
@Value.Immutable
@JsonSerialize(as = NewVectorIndex.class)
abstract class NewVectorIndexDef {
  /** Three-level Unity Catalog name. */
  @JsonProperty("name")
  public abstract String name();

  /** The Vector Search endpoint that will serve the index; must exist. */
  @JsonProperty("endpoint_name")
  public abstract String endpointName();

  /** The column whose value identifies a row; upserts replace and deletes remove rows by it. */
  @JsonProperty("primary_key")
  public abstract String primaryKey();

  /** The Delta table to sync from; absent for a direct-access index. */
  @JsonIgnore
  public abstract Optional<String> sourceTable();

  /** TRIGGERED (sync when asked, the default) or CONTINUOUS; delta-sync indexes only. */
  @JsonIgnore
  public abstract Optional<String> pipelineType();

  /** Columns copied into the index besides the key and embeddings; empty: every column (delta sync). */
  @JsonIgnore
  public abstract List<String> columnsToSync();

  /**
   * Text columns Databricks embeds with a model endpoint (managed embeddings); set either these or
   * {@link #embeddingVectors()}, not both.
   */
  @JsonIgnore
  public abstract List<EmbeddingSource> embeddingSources();

  /**
   * Columns that already hold vectors (self-managed embeddings); set either these or
   * {@link #embeddingSources()}, not both.
   */
  @JsonIgnore
  public abstract List<EmbeddingVector> embeddingVectors();

  /** Direct access: the column types as a JSON object string, e.g. {@code {"id":"long","text":"string"}}. */
  @JsonIgnore
  public abstract Optional<String> schemaJson();

  /**
   * {@link IndexType#DELTA_SYNC} when a {@link #sourceTable()} is set, else
   * {@link IndexType#DIRECT_ACCESS}.
   */
  @JsonIgnore
  public IndexType indexType() {
    return sourceTable().isPresent() ? IndexType.DELTA_SYNC : IndexType.DIRECT_ACCESS;
  }

  @JsonProperty("index_type")
  String wireIndexType() {
    return indexType().name();
  }

  @JsonProperty("delta_sync_index_spec")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  Spec deltaSyncIndexSpec() {
    return indexType() == IndexType.DELTA_SYNC ? new Spec(this) : null;
  }

  @JsonProperty("direct_access_index_spec")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  Spec directAccessIndexSpec() {
    return indexType() == IndexType.DIRECT_ACCESS ? new Spec(this) : null;
  }

  /**
   * Rejects an index the server would refuse, when it is built.
   *
   * @throws dev.kiln.core.error.InvalidRequestException for a blank name, endpoint or key; neither
   *     or both of embedding sources and vectors; a dimension below 1; a schema on a delta-sync index;
   *     or sync settings without a source table
   */
  @Value.Check
  protected void check() {
    for (String[] field : new String[][] {{"name", name()}, {"endpointName", endpointName()}, {"primaryKey", primaryKey()}}) {
      if (field[1].isBlank()) {
        throw new InvalidRequestException(field[0] + " must not be blank");
      }
    }
    if (embeddingSources().isEmpty() == embeddingVectors().isEmpty()) {
      throw new InvalidRequestException("a NewVectorIndex needs embeddingSources (managed embeddings) or "
          + "embeddingVectors (self-managed), exactly one of the two");
    }
    if (embeddingVectors().stream().anyMatch(v -> v.dimension() < 1)) {
      throw new InvalidRequestException("embedding dimensions must be positive");
    }
    if (sourceTable().isPresent()) {
      if (schemaJson().isPresent()) {
        throw new InvalidRequestException("schemaJson is for direct-access indexes; a delta-sync index takes the "
            + "table's schema");
      }
    } else if (pipelineType().isPresent() || !columnsToSync().isEmpty()) {
      throw new InvalidRequestException("pipelineType and columnsToSync need a sourceTable (delta-sync indexes)");
    }
  }

  /** The {@code *_index_spec} body: fields of the other index type stay out. */
  static final class Spec {
    @JsonProperty("source_table")
    final String sourceTable;
    @JsonProperty("pipeline_type")
    final String pipelineType;
    @JsonProperty("columns_to_sync")
    final List<String> columnsToSync;
    @JsonProperty("embedding_source_columns")
    final List<EmbeddingSource> embeddingSources;
    @JsonProperty("embedding_vector_columns")
    final List<EmbeddingVector> embeddingVectors;
    @JsonProperty("schema_json")
    final String schemaJson;

    Spec(NewVectorIndexDef index) {
      this.sourceTable = index.sourceTable().orElse(null);
      this.pipelineType = index.sourceTable().isPresent() ? index.pipelineType().orElse("TRIGGERED") : null;
      this.columnsToSync = index.columnsToSync().isEmpty() ? null : index.columnsToSync();
      this.embeddingSources = index.embeddingSources().isEmpty() ? null : index.embeddingSources();
      this.embeddingVectors = index.embeddingVectors().isEmpty() ? null : index.embeddingVectors();
      this.schemaJson = index.schemaJson().orElse(null);
    }
  }
}
