package dev.kiln.serving.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** One generated text of a completions call. */
@Value.Immutable
@JsonSerialize(as = CompletionChoice.class)
@JsonDeserialize(as = CompletionChoice.class)
abstract class CompletionChoiceDef {
  /** The choice's position among the answers (0 unless {@code n} asked for more). */
  @JsonProperty("index")
  @Value.Default
  public int index() {
    return 0;
  }

  /** The generated text; "" when absent. */
  @JsonProperty("text")
  @Value.Default
  public String text() {
    return "";
  }

  /** Why generation stopped: {@code stop}, {@code length}, ... as sent. */
  @JsonProperty("finish_reason")
  public abstract Optional<String> finishReason();
}
