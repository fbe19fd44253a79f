package dev.kiln.serving.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/** An embeddings model's answer ({@code object: list}). */
@Value.Immutable
@JsonSerialize(as = EmbeddingsResponse.class)
@JsonDeserialize(as = EmbeddingsResponse.class)
abstract class EmbeddingsResponseDef {
  @JsonProperty("object")
  public abstract Optional<String> object();

  @JsonProperty("model")
  public abstract Optional<String> model();

  @JsonProperty("data")
  public abstract List<Embedding> data();

  @JsonProperty("usage")
  public abstract Optional<Usage> usage();

  /** The {@code served-model-name} response header. */
  @JsonIgnore
  public abstract Optional<String> servedModelName();

  /** The vectors in input order (sorted by {@code index}). */
  public List<float[]> vectors() {
    return data().stream()
        .sorted(Comparator.comparingInt(Embedding::index))
        .map(Embedding::vector)
        .collect(Collectors.toUnmodifiableList());
  }
}
