package dev.kiln.serving.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** One generated answer of a chat completion. */
@Value.Immutable
@JsonSerialize(as = ChatChoice.class)
@JsonDeserialize(as = ChatChoice.class)
abstract class ChatChoiceDef {
  /**
   * The choice's position among the answers (0 for the first, and the only one unless {@code n}
   * asked for more).
   */
  @JsonProperty("index")
  @Value.Default
  public int index() {
    return 0;
  }

  /** The model's answer message, role {@code assistant}. */
  @JsonProperty("message")
  public abstract ChatMessage message();

  /** {@code stop}, {@code length}, {@code tool_calls}, ... as sent. */
  @JsonProperty("finish_reason")
  public abstract Optional<String> finishReason();

  /** Token log probabilities as sent, when the request asked for them; empty otherwise. */
  @JsonProperty("logprobs")
  public abstract Optional<JsonNode> logprobs();
}
