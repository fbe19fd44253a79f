package dev.kiln.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.emulator.internal.BuiltInModels;
import java.util.Map;
import java.util.function.Function;

/**
 * The emulator's built-in serving models, to put behind your own endpoints ({@link ServingEndpointSpec}).
 * The workspace serves them by default as {@code databricks-llama} ({@link #echoChat()}), {@code
 * databricks-bge-large-en} ({@link #hashingEmbeddings(int)} with 1024 dimensions) and {@code
 * bir-tax-forecaster} ({@link #linearRegression} on {@code prev_month_wht}).
 *
 * <p>A handler is a {@code Function} from the invocation body to the response body. Throwing {@link
 * IllegalArgumentException} answers 400 {@code BAD_REQUEST} with its message.
 */
public final class ServingModels {
  private ServingModels() {}

  /**
   * Chat ({@code messages}) and completions ({@code prompt}): replies with the last user message (or the
   * prompt) as an OpenAI-style {@code chat.completion} / {@code text_completion} with word-count {@code
   * usage}, cut to {@code max_tokens} words. {@code "stream": true} requests get it as SSE chunks, word by word.
   */
  public static Function<JsonNode, JsonNode> echoChat() {
    return BuiltInModels.echoChat();
  }

  /**
   * Embeddings ({@code input}: a string or a list): deterministic hashed bag-of-words vectors (words and
   * character trigrams), L2-normalised, so texts sharing words are close in cosine similarity.
   */
  public static Function<JsonNode, JsonNode> hashingEmbeddings(int dimensions) {
    return BuiltInModels.hashingEmbeddings(dimensions);
  }

  /**
   * A predictor for {@code dataframe_records}, {@code dataframe_split}, {@code instances} and {@code inputs}:
   * {@code {"predictions": [intercept + Σ coefficient × column value]}}. Rows missing a column are rejected.
   */
  public static Function<JsonNode, JsonNode> linearRegression(double intercept, Map<String, Double> coefficients) {
    return BuiltInModels.linearRegression(intercept, coefficients);
  }
}
