package dev.kiln.genie.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** A text attachment: part of Genie's written answer. */
@Value.Immutable
@JsonSerialize(as = GenieText.class)
@JsonDeserialize(as = GenieText.class)
abstract class GenieTextDef {
  /** The text (markdown as Genie wrote it); empty when the server sent none. */
  @JsonProperty("content")
  @Value.Default
  public String content() {
    return "";
  }

  /** What the text is for, exactly as sent (e.g. {@code FOLLOW_UP_QUESTION}), when the server says. */
  @JsonProperty("purpose")
  public abstract Optional<String> purpose();
}
