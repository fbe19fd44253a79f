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

  /**
   * An id of the caller's choosing, recorded in the endpoint's inference table to find this request
   * again.
   */
  @JsonProperty("client_request_id")
  public abstract Optional<String> clientRequestId();

  /** Caller's tags recorded with the request in usage tracking; not sent when empty. */
  @JsonProperty("usage_context")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, String> usageContext();

  /** A request embedding {@code texts}, in order; at least one. */
  public static EmbeddingsRequest of(String... texts) {
    return EmbeddingsRequest.builder().addInput(texts).build();
  }

  /**
   * Rejects a request without input, when it is built.
   *
   * @throws dev.kiln.core.error.InvalidRequestException without an input text
   */
  @Value.Check
  protected void check() {
    if (input().isEmpty()) {
      throw new InvalidRequestException("an embeddings request needs at least one input text: call addInput(...)");
    }
  }
}
