package dev.kiln.serving.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** One server-sent piece of a streamed chat answer ({@code object: chat.completion.chunk}). */
@Value.Immutable
@JsonSerialize(as = ChatCompletionChunk.class)
@JsonDeserialize(as = ChatCompletionChunk.class)
public abstract class ChatCompletionChunkDef {
  @JsonProperty("id")
  public abstract Optional<String> id();

  @JsonProperty("object")
  public abstract Optional<String> object();

  @JsonProperty("model")
  public abstract Optional<String> model();

  @JsonProperty("created")
  public abstract Optional<Long> created();

  @JsonProperty("choices")
  public abstract List<ChunkChoice> choices();

  /** Sent by some models on the last chunk. */
  @JsonProperty("usage")
  public abstract Optional<Usage> usage();

  /** The text the first choice adds; "" for chunks without one. */
  public String content() {
    return choices().isEmpty() ? "" : choices().get(0).delta().content();
  }
}
