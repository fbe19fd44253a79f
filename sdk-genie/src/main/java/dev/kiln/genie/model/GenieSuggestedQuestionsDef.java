package dev.kiln.genie.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.immutables.value.Value;

/** A suggested-questions attachment: follow-ups Genie proposes. */
@Value.Immutable
@JsonSerialize(as = GenieSuggestedQuestions.class)
@JsonDeserialize(as = GenieSuggestedQuestions.class)
abstract class GenieSuggestedQuestionsDef {
  /** The proposed questions, in Genie's order; empty when it proposes none. */
  @JsonProperty("questions")
  public abstract List<String> questions();
}
