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
  @JsonProperty("index")
  @Value.Default
  public int index() {
    return 0;
  }

  @JsonProperty("text")
  @Value.Default
  public String text() {
    return "";
  }

  @JsonProperty("finish_reason")
  public abstract Optional<String> finishReason();
}
