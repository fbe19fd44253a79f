package dev.kiln.serving.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Optional;

/**
 * The fields every OpenAI-style answer carries beside its choices: {@link ChatCompletion},
 * {@link Completion} and each streamed {@link ChatCompletionChunk}.
 */
public interface GenerationMetadata {
  @JsonProperty("id")
  Optional<String> id();

  /** {@code chat.completion}, {@code text_completion} or {@code chat.completion.chunk}, as sent. */
  @JsonProperty("object")
  Optional<String> object();

  @JsonProperty("model")
  Optional<String> model();

  /** Seconds since the epoch, as sent; see {@link #createdAt()}. */
  @JsonProperty("created")
  Optional<Long> created();

  /** Token counts; in a stream, sent by some models on the last chunk only. */
  @JsonProperty("usage")
  Optional<Usage> usage();

  default Optional<Instant> createdAt() {
    return created().map(Instant::ofEpochSecond);
  }
}
