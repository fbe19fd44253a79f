package dev.kiln.serving.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A chat model's answer ({@code object: chat.completion}); id, model, usage etc. per {@link GenerationMetadata}. */
@Value.Immutable
@JsonPropertyOrder({"id", "object", "model", "created", "choices"}) // inherited attributes would otherwise come first
@JsonSerialize(as = ChatCompletion.class)
@JsonDeserialize(as = ChatCompletion.class)
abstract class ChatCompletionDef implements GenerationMetadata {
  /** The answers, one per requested {@code n}, in index order. */
  @JsonProperty("choices")
  public abstract List<ChatChoice> choices();

  /** The {@code served-model-name} response header. */
  @JsonIgnore
  public abstract Optional<String> servedModelName();

  /** The first choice's message text; "" when there are no choices. */
  public String content() {
    return choices().isEmpty() ? "" : choices().get(0).message().content();
  }
}
