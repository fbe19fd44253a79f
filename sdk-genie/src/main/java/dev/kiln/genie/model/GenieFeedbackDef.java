package dev.kiln.genie.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** The rating (and optional comment) the caller gave a message. */
@Value.Immutable
@JsonSerialize(as = GenieFeedback.class)
@JsonDeserialize(as = GenieFeedback.class)
abstract class GenieFeedbackDef {
  /** The rating exactly as sent; {@code "NONE"} when the server sent none. */
  @JsonProperty("rating")
  @Value.Default
  public String rawRating() {
    return GenieFeedbackRating.NONE.name();
  }

  /** The comment given with the rating, if any. */
  @JsonProperty("comment")
  public abstract Optional<String> comment();

  /**
   * The typed rating; {@code UNKNOWN} for one this SDK version does not know (the text is in
   * {@link #rawRating()}).
   */
  @JsonIgnore
  public GenieFeedbackRating rating() {
    return GenieFeedbackRating.fromWire(rawRating());
  }
}
