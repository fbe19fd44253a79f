package dev.kiln.serving.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** One embedding vector and the index of the input text it belongs to. */
@Value.Immutable
@JsonSerialize(as = Embedding.class)
@JsonDeserialize(as = Embedding.class)
abstract class EmbeddingDef {
  /** The position of the input this vector embeds; 0 when absent. */
  @JsonProperty("index")
  @Value.Default
  public int index() {
    return 0;
  }

  /** The vector (a copy: changing it does not change this value). */
  @JsonProperty("embedding")
  public abstract float[] vector();

  @Override
  public String toString() {
    return "Embedding[index=" + index() + ", dimensions=" + vector().length + "]";
  }
}
