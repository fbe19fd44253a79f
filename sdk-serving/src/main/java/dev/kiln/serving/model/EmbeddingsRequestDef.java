package dev.kiln.serving.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.kiln.core.error.InvalidRequestException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** Texts to embed: {@code EmbeddingsRequest.builder().addInput("first", "second").build()}. */
@Value.Immutable
@JsonSerialize(as = EmbeddingsRequest.class)
@JsonDeserialize(as = EmbeddingsRequest.class)
abstract class EmbeddingsRequestDef {
  /** Sent as a JSON array even for one text; answers come back with the same indexes. */
  @JsonProperty("input")
  public abstract List<String> input();

  /** Model-specific parameters, sent as the documented {@code extra_params} map of strings. */
  @JsonProperty("extra_params")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, String> extraParams();

  @JsonProperty("client_request_id")
  public abstract Optional<String> clientRequestId();

  @JsonProperty("usage_context")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, String> usageContext();

  public static EmbeddingsRequest of(String... texts) {
    return EmbeddingsRequest.builder().addInput(texts).build();
  }

  @Value.Check
  protected void check() {
    if (input().isEmpty()) {
      throw new InvalidRequestException("an embeddings request needs at least one input text: call addInput(...)");
    }
  }
}
