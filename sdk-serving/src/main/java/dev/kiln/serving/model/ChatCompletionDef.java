package dev.kiln.serving.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A chat model's answer ({@code object: chat.completion}). */
@Value.Immutable
@JsonSerialize(as = ChatCompletion.class)
@JsonDeserialize(as = ChatCompletion.class)
public abstract class ChatCompletionDef {
  @JsonProperty("id")
  public abstract Optional<String> id();

  @JsonProperty("object")
  public abstract Optional<String> object();

  @JsonProperty("model")
  public abstract Optional<String> model();

  /** Seconds since the epoch, as sent. */
  @JsonProperty("created")
  public abstract Optional<Long> created();

  @JsonProperty("choices")
  public abstract List<ChatChoice> choices();

  @JsonProperty("usage")
  public abstract Optional<Usage> usage();

  /** The {@code served-model-name} response header. */
  @JsonIgnore
  public abstract Optional<String> servedModelName();

  public Optional<Instant> createdAt() {
    return created().map(Instant::ofEpochSecond);
  }

  /** The first choice's message text; "" when there are no choices. */
  public String content() {
    return choices().isEmpty() ? "" : choices().get(0).message().content();
  }
}
