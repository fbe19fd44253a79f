package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Factories of the emulator's built-in serving models; public for {@code dev.kiln.emulator.ServingModels},
 * which is what users call.
 */
public final class BuiltInModels {
  /** The dimension of {@code databricks-bge-large-en}'s vectors. */
  static final int BGE_LARGE_DIMENSIONS = 1024;

  private BuiltInModels() {}

  public static Function<JsonNode, JsonNode> echoChat() {
    return new EchoChatModel(Clock.systemUTC());
  }

  public static Function<JsonNode, JsonNode> hashingEmbeddings(int dimensions) {
    return new HashingEmbeddingModel(dimensions);
  }

  public static Function<JsonNode, JsonNode> linearRegression(double intercept, Map<String, Double> coefficients) {
    Objects.requireNonNull(coefficients, "coefficients");
    coefficients.forEach((column, coefficient) -> {
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(coefficient, "coefficient of " + column);
    });
    return new LinearRegressionModel(intercept, coefficients);
  }

  /**
   * Answers by the shape of the request: chat and completions echo, {@code input} embeds, tabular input
   * predicts the sum of the numeric columns. Endpoints created over the API serve this model.
   */
  public static Function<JsonNode, JsonNode> byRequestShape() {
    Function<JsonNode, JsonNode> chat = echoChat();
    Function<JsonNode, JsonNode> embeddings = hashingEmbeddings(BGE_LARGE_DIMENSIONS);
    Function<JsonNode, JsonNode> tabular = new LinearRegressionModel(0, Map.of());
    return request -> {
      if (request.has("messages") || request.has("prompt")) {
        return chat.apply(request);
      }
      if (request.has("input")) {
        return embeddings.apply(request);
      }
      return tabular.apply(request);
    };
  }
}
