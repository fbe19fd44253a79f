package dev.kiln.serving.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** One choice's increment within a streamed chunk. */
@Value.Immutable
@JsonSerialize(as = ChunkChoice.class)
@JsonDeserialize(as = ChunkChoice.class)
abstract class ChunkChoiceDef {
  /** The position of the choice this chunk extends (0 unless {@code n} asked for more). */
  @JsonProperty("index")
  @Value.Default
  public int index() {
    return 0;
  }

  /** What the chunk adds to the choice; empty when the server sent no {@code delta}. */
  @JsonProperty("delta")
  @Value.Default
  public ChatDelta delta() {
    return ChatDelta.builder().build();
  }

  /** Set on the choice's last chunk: {@code stop}, {@code length}, ... */
  @JsonProperty("finish_reason")
  public abstract Optional<String> finishReason();
}
