package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A deterministic embedding model: each word (weight 1) and each character trigram of a word (weight 0.3) is
 * hashed (FNV-1a) into one of {@code dimensions} signed buckets, and the vector is L2-normalised. Texts that
 * share words get a high cosine similarity, related word forms ("tax", "taxes") a moderate one, and the same
 * text always gets the same vector. Answers OpenAI-style {@code input} → {@code {"object": "list", "data":
 * [{"object": "embedding", "index", "embedding"}]}}.
 */
final class HashingEmbeddingModel implements Function<JsonNode, JsonNode> {
  private static final double TRIGRAM_WEIGHT = 0.3;

  private final int dimensions;

  HashingEmbeddingModel(int dimensions) {
    if (dimensions < 1) {
      throw new IllegalArgumentException("dimensions must be at least 1, got " + dimensions);
    }
    this.dimensions = dimensions;
  }

  @Override
  public JsonNode apply(JsonNode request) {
    List<String> texts = inputs(request.get("input"));
    ObjectNode reply = Json.object().put("object", "list");
    ArrayNode data = reply.putArray("data");
    int words = 0;
    for (int i = 0; i < texts.size(); i++) {
      ObjectNode item = data.addObject().put("object", "embedding").put("index", i);
      ArrayNode vector = item.putArray("embedding");
      for (float value : embed(texts.get(i))) {
        vector.add(value);
      }
      words += TextTokens.countWords(texts.get(i));
    }
    reply.putObject("usage").put("prompt_tokens", words).put("total_tokens", words);
    return reply;
  }

  private static List<String> inputs(JsonNode input) {
    List<String> texts = new ArrayList<>();
    if (input != null && input.isTextual()) {
      texts.add(input.asText());
      return texts;
    }
    if (input != null && input.isArray()) {
      for (JsonNode item : input) {
        if (!item.isTextual()) {
          throw new IllegalArgumentException("Invalid input: 'input' must be a string or a list of strings.");
        }
        texts.add(item.asText());
      }
      return texts;
    }
    throw new IllegalArgumentException(
        "Invalid input: an embeddings request needs 'input', a string or a list of strings.");
  }

  float[] embed(String text) {
    double[] sums = new double[dimensions];
    for (String word : TextTokens.of(text)) {
      add(sums, word, 1.0);
      String padded = "#" + word + "#";
      for (int i = 0; i + 3 <= padded.length(); i++) {
        add(sums, "3:" + padded.substring(i, i + 3), TRIGRAM_WEIGHT);
      }
    }
    double norm = 0;
    for (double value : sums) {
      norm += value * value;
    }
    norm = Math.sqrt(norm);
    float[] vector = new float[dimensions];
    for (int i = 0; i < dimensions; i++) {
      vector[i] = norm == 0 ? 0f : (float) (sums[i] / norm);
    }
    return vector;
  }

  private void add(double[] sums, String feature, double weight) {
    long hash = fnv1a(feature);
    int bucket = (int) Long.remainderUnsigned(hash, dimensions);
    sums[bucket] += hash < 0 ? -weight : weight; // the sign bit spreads collisions around zero
  }

  private static long fnv1a(String text) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x100000001b3L;
    }
    return hash;
  }
}
