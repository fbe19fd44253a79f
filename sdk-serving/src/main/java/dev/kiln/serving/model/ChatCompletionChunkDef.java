package dev.kiln.serving.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.immutables.value.Value;

/**
 * One server-sent piece of a streamed chat answer ({@code object: chat.completion.chunk}); id,
 * model, usage etc. per {@link GenerationMetadata}.
 */
@Value.Immutable
@JsonPropertyOrder({"id", "object", "model", "created", "choices"}) // inherited attributes would otherwise come first
@JsonSerialize(as = ChatCompletionChunk.class)
@JsonDeserialize(as = ChatCompletionChunk.class)
abstract class ChatCompletionChunkDef implements GenerationMetadata {
  /**
   * The choices this chunk extends, each with its delta; may be empty (a last chunk carrying only
   * usage).
   */
  @JsonProperty("choices")
  public abstract List<ChunkChoice> choices();

  /** The text the first choice adds; "" for chunks without one. */
  public String content() {
    return choices().isEmpty() ? "" : choices().get(0).delta().content();
  }
}
