package dev.kiln.serving.model;

import dev.kiln.core.error.InvalidRequestException;
import java.util.Optional;

/** Range checks shared by chat and completions requests. */
final class GenerationLimits {
  private GenerationLimits() {}

  static void check(GenerationParams p) {
    Optional<Integer> maxTokens = p.maxTokens();
    Optional<Integer> n = p.n();
    Optional<Double> temperature = p.temperature();
    if (maxTokens.isPresent() && maxTokens.get() < 1) {
      throw new InvalidRequestException("max_tokens must be at least 1, was " + maxTokens.get());
    }
    if (n.isPresent() && n.get() < 1) {
      throw new InvalidRequestException("n must be at least 1, was " + n.get());
    }
    if (temperature.isPresent() && !(temperature.get() >= 0)) {
      throw new InvalidRequestException("temperature must be 0 or more, was " + temperature.get());
    }
  }
}
