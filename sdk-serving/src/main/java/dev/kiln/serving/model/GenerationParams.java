package dev.kiln.serving.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The generation settings and tracking fields {@link ChatRequest} and {@link CompletionRequest}
 * share, with their wire names. Each builder has a setter per attribute, and
 * {@code from(GenerationParams)} copies them from either kind of request.
 */
public interface GenerationParams {
  @JsonProperty("max_tokens")
  Optional<Integer> maxTokens();

  @JsonProperty("temperature")
  Optional<Double> temperature();

  /** How many answers to generate. */
  @JsonProperty("n")
  Optional<Integer> n();

  @JsonProperty("stop")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  List<String> stop();

  /** Model-specific parameters, sent as the documented {@code extra_params} map of strings. */
  @JsonProperty("extra_params")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  Map<String, String> extraParams();

  @JsonProperty("client_request_id")
  Optional<String> clientRequestId();

  @JsonProperty("usage_context")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  Map<String, String> usageContext();
}
