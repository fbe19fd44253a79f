package dev.kiln.serving.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** A text completion request: {@code CompletionRequest.builder().prompt("Once upon").maxTokens(50).build()}. */
@Value.Immutable
@JsonSerialize(as = CompletionRequest.class)
@JsonDeserialize(as = CompletionRequest.class)
public abstract class CompletionRequestDef {
  @JsonProperty("prompt")
  public abstract String prompt();

  @JsonProperty("max_tokens")
  public abstract Optional<Integer> maxTokens();

  @JsonProperty("temperature")
  public abstract Optional<Double> temperature();

  @JsonProperty("n")
  public abstract Optional<Integer> n();

  @JsonProperty("stop")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<String> stop();

  /** Model-specific parameters, sent as the documented {@code extra_params} map of strings. */
  @JsonProperty("extra_params")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, String> extraParams();

  @JsonProperty("client_request_id")
  public abstract Optional<String> clientRequestId();

  @JsonProperty("usage_context")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, String> usageContext();

  @Value.Check
  protected void check() {
    GenerationLimits.check(maxTokens(), n(), temperature());
  }
}
