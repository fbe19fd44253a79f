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
  /** {@code list}, as sent. */
  @JsonProperty("object")
  public abstract Optional<String> object();

  /** The model that answered, as the server names it. */
  @JsonProperty("model")
  public abstract Optional<String> model();

  /** One embedding per input, as sent (see {@link #vectors()} for input order). */
  @JsonProperty("data")
  public abstract List<Embedding> data();

  /** Token counts of the inputs, when the model reports them. */
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
