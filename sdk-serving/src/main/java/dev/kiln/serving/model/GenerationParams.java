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
  /** Most tokens to generate; the model's own limit applies when absent. */
  @JsonProperty("max_tokens")
  Optional<Integer> maxTokens();

  /**
   * Sampling temperature, 0.0 (deterministic) to 2.0 for most models; the model's default when
   * absent.
   */
  @JsonProperty("temperature")
  Optional<Double> temperature();

  /** How many answers to generate. */
  @JsonProperty("n")
  Optional<Integer> n();

  /** Sequences that end generation when produced (not included in the answer); none when empty. */
  @JsonProperty("stop")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  List<String> stop();

  /** Model-specific parameters, sent as the documented {@code extra_params} map of strings. */
  @JsonProperty("extra_params")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  Map<String, String> extraParams();

  /**
   * An id of the caller's choosing, recorded in the endpoint's inference table to find this request
   * again.
   */
  @JsonProperty("client_request_id")
  Optional<String> clientRequestId();

  /**
   * Caller's tags recorded with the request in usage tracking (e.g. the end user or project); not
   * sent when empty.
   */
  @JsonProperty("usage_context")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  Map<String, String> usageContext();
}
