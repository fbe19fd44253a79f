package dev.kiln.serving.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Optional;

/**
 * The fields every OpenAI-style answer carries beside its choices: {@link ChatCompletion},
 * {@link Completion} and each streamed {@link ChatCompletionChunk}.
 */
public interface GenerationMetadata {
  /** The answer's id as the model server assigned it; the same on every chunk of one stream. */
  @JsonProperty("id")
  Optional<String> id();

  /** {@code chat.completion}, {@code text_completion} or {@code chat.completion.chunk}, as sent. */
  @JsonProperty("object")
  Optional<String> object();

  /** The model that answered, as the server names it (may differ from the endpoint's name). */
  @JsonProperty("model")
  Optional<String> model();

  /** Seconds since the epoch, as sent; see {@link #createdAt()}. */
  @JsonProperty("created")
  Optional<Long> created();

  /** Token counts; in a stream, sent by some models on the last chunk only. */
  @JsonProperty("usage")
  Optional<Usage> usage();

  /** {@link #created()} as an instant; empty when the server sent no {@code created}. */
  default Optional<Instant> createdAt() {
    return created().map(Instant::ofEpochSecond);
  }
}
