package dev.kiln.vectorsearch.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** A column holding ready-made embeddings (self-managed vectors) and their dimension. */
@Value.Immutable
@JsonSerialize(as = EmbeddingVector.class)
abstract class EmbeddingVectorDef {
  /** The column that holds the precomputed vectors. */
  @Value.Parameter
  @JsonProperty("name")
  public abstract String name();

  /**
   * The number of elements in each vector ({@code embedding_dimension}); positive, and the same for
   * every row.
   */
  @Value.Parameter
  @JsonProperty("embedding_dimension")
  public abstract int dimension();
}
