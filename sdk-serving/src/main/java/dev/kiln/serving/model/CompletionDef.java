package dev.kiln.serving.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A completions model's answer ({@code object: text_completion}). */
@Value.Immutable
@JsonSerialize(as = Completion.class)
@JsonDeserialize(as = Completion.class)
public abstract class CompletionDef {
  @JsonProperty("id")
  public abstract Optional<String> id();

  @JsonProperty("object")
  public abstract Optional<String> object();

  @JsonProperty("model")
  public abstract Optional<String> model();

  @JsonProperty("created")
  public abstract Optional<Long> created();

  @JsonProperty("choices")
  public abstract List<CompletionChoice> choices();

  @JsonProperty("usage")
  public abstract Optional<Usage> usage();

  /** The {@code served-model-name} response header. */
  @JsonIgnore
  public abstract Optional<String> servedModelName();

  public Optional<Instant> createdAt() {
    return created().map(Instant::ofEpochSecond);
  }

  /** The first choice's text; "" when there are no choices. */
  public String text() {
    return choices().isEmpty() ? "" : choices().get(0).text();
  }
}
