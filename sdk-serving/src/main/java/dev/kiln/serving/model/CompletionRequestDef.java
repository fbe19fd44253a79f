package dev.kiln.serving.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/**
 * A text completion request: {@code CompletionRequest.builder().prompt("Once upon").maxTokens(50).build()}.
 * The generation settings ({@code max_tokens}, {@code temperature}, ...) are those of
 * {@link GenerationParams}.
 */
@Value.Immutable
@JsonPropertyOrder({"prompt"}) // inherited attributes would otherwise come first
@JsonSerialize(as = CompletionRequest.class)
@JsonDeserialize(as = CompletionRequest.class)
abstract class CompletionRequestDef implements GenerationParams {
  /** The text the model continues. */
  @JsonProperty("prompt")
  public abstract String prompt();

  /**
   * Rejects a request the server would refuse, when it is built.
   *
   * @throws dev.kiln.core.error.InvalidRequestException with {@code max_tokens} or {@code n} below
   *     1, or a negative temperature
   */
  @Value.Check
  protected void check() {
    GenerationLimits.check(this);
  }
}
