package dev.kiln.serving.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** Token counts of a chat, completions or embeddings call (0 when the server left one out). */
@Value.Immutable
@JsonSerialize(as = Usage.class)
@JsonDeserialize(as = Usage.class)
abstract class UsageDef {
  /** Tokens in the request (the prompt or the messages); 0 when not reported. */
  @JsonProperty("prompt_tokens")
  @Value.Default
  public int promptTokens() {
    return 0;
  }

  /** Tokens the model generated; 0 when not reported. */
  @JsonProperty("completion_tokens")
  @Value.Default
  public int completionTokens() {
    return 0;
  }

  /** Prompt and completion tokens together, as the server counts them; 0 when not reported. */
  @JsonProperty("total_tokens")
  @Value.Default
  public int totalTokens() {
    return 0;
  }
}
