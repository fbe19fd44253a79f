package dev.kiln.vectorsearch.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** A text column the index embeds with a serving endpoint (managed embeddings). */
@Value.Immutable
@JsonSerialize(as = EmbeddingSource.class)
abstract class EmbeddingSourceDef {
  /**
   * The source column whose text is embedded ({@code name} of an {@code embedding_source_columns}
   * entry).
   */
  @Value.Parameter
  @JsonProperty("name")
  public abstract String name();

  /** The embedding model's serving endpoint, for indexing and for queries by text. */
  @Value.Parameter
  @JsonProperty("embedding_model_endpoint_name")
  public abstract Optional<String> embeddingModelEndpointName();
}
