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

/**
 * A chat request to a foundation or external model endpoint:
 * {@code ChatRequest.builder().addMessages(ChatMessage.user("Hello")).maxTokens(100).build()}.
 * Streaming is chosen by calling {@code chatStream}, not by a field.
 */
@Value.Immutable
@JsonSerialize(as = ChatRequest.class)
@JsonDeserialize(as = ChatRequest.class)
public abstract class ChatRequestDef {
  @JsonProperty("messages")
  public abstract List<ChatMessage> messages();

  @JsonProperty("max_tokens")
  public abstract Optional<Integer> maxTokens();

  @JsonProperty("temperature")
  public abstract Optional<Double> temperature();

  /** How many answers to generate. */
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
    if (messages().isEmpty()) {
      throw new InvalidRequestException("a chat request needs at least one message: call addMessages(ChatMessage.user(...))");
    }
    GenerationLimits.check(maxTokens(), n(), temperature());
  }
}
