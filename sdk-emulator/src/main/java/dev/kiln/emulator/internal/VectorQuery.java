package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One similarity query over an index: exact (brute-force) cosine similarity between the query vector and
 * every row that passes the filters. The score is {@code (1 + cosine) / 2}, so it lies in [0, 1] with 1 for
 * the same direction; HYBRID averages it with a keyword score (the share of the query's words found in the
 * row's text). Rows below {@code score_threshold} are dropped; the rest come best first (ties by primary
 * key), at most {@code num_results}, with the score as the last column.
 */
final class VectorQuery {
  static final String SCORE = "score";
  private static final int MAX_RESULTS = 10_000;

  /** The ranked rows of a query and the columns of each row (score last). */
  static final class Result {
    final List<String> columns;
    final List<ArrayNode> rows;

    Result(List<String> columns, List<ArrayNode> rows) {
      this.columns = columns;
      this.rows = rows;
    }
  }

  private VectorQuery() {}

  static Result run(VectorIndex index, JsonNode body, ServingEndpoints serving) {
    List<String> columns = columns(index, body.get("columns"));
    int numResults = numResults(body.get("num_results"));
    boolean hybrid = hybrid(body.path("query_type").asText("ANN"));
    String queryText = body.hasNonNull("query_text") ? body.get("query_text").asText() : null;
    if (hybrid && (queryText == null || queryText.isBlank())) {
      throw ApiException.invalidParameter("query_text is required for query_type HYBRID.");
    }
    float[] queryVector = queryVector(index, body.get("query_vector"), queryText, serving);
    JsonNode filters = body.get("filters_json");
    if (filters != null && !filters.isNull() && !filters.isTextual()) {
      throw ApiException.invalidParameter("filters_json must be a JSON string, e.g. \"{\\\"id <\\\": 5}\".");
    }
    Predicate<ObjectNode> filter = VectorFilter.parse(filters == null ? null : filters.asText(null), index.columns());
    Double threshold = body.hasNonNull("score_threshold") ? body.get("score_threshold").asDouble() : null;
    Set<String> queryWords = hybrid ? new HashSet<>(TextTokens.of(queryText)) : Set.of();

    List<Scored> scored = new ArrayList<>();
    for (VectorIndex.Row row : index.rows()) {
      if (!filter.test(row.fields)) {
        continue;
      }
      double score = (1 + cosine(queryVector, row.vector)) / 2;
      if (hybrid) {
        score = (score + keywordScore(queryWords, rowText(index, row))) / 2;
      }
      if (threshold == null || score >= threshold) {
        scored.add(new Scored(row, score));
      }
    }
    scored.sort(Comparator.comparingDouble((Scored s) -> -s.score));
    List<ArrayNode> rows = new ArrayList<>();
    for (Scored hit : scored.subList(0, Math.min(numResults, scored.size()))) {
      ArrayNode values = Json.array();
      for (String column : columns) {
        JsonNode value = hit.row.fields.get(column);
        values.add(value == null ? Json.MAPPER.nullNode() : value);
      }
      values.add(hit.score);
      rows.add(values);
    }
    List<String> manifest = new ArrayList<>(columns);
    manifest.add(SCORE);
    return new Result(manifest, rows);
  }

  private static final class Scored {
    final VectorIndex.Row row;
    final double score;

    Scored(VectorIndex.Row row, double score) {
      this.row = row;
      this.score = score;
    }
  }

  private static List<String> columns(VectorIndex index, JsonNode requested) {
    if (requested == null || !requested.isArray() || requested.isEmpty()) {
      throw ApiException.invalidParameter("columns is required: name the columns to return.");
    }
    List<String> columns = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    List<String> known = index.columns();
    for (JsonNode column : requested) {
      String name = column.asText();
      columns.add(name);
      if (known != null && !known.contains(name)) {
        unknown.add(name);
      }
    }
    if (!unknown.isEmpty()) {
      throw ApiException.invalidParameter(
          "Requested columns to fetch are not present in index: " + String.join(", ", unknown));
    }
    return columns;
  }

  private static int numResults(JsonNode value) {
    if (value == null || value.isNull()) {
      return 10;
    }
    if (!value.canConvertToInt() || value.asInt() < 1 || value.asInt() > MAX_RESULTS) {
      throw ApiException.invalidParameter("num_results must be between 1 and " + MAX_RESULTS + ".");
    }
    return value.asInt();
  }

  private static boolean hybrid(String queryType) {
    switch (queryType.toUpperCase(Locale.ROOT)) {
      case "ANN":
        return false;
      case "HYBRID":
        return true;
      default:
        throw ApiException.invalidParameter("query_type must be ANN or HYBRID, got '" + queryType + "'.");
    }
  }

  private static float[] queryVector(VectorIndex index, JsonNode vector, String text, ServingEndpoints serving) {
    if (vector != null && !vector.isNull()) {
      if (!vector.isArray() || vector.size() != index.dimension()) {
        throw ApiException.invalidParameter("query_vector must be a list of " + index.dimension()
            + " numbers (the index's embedding dimension), got "
            + (vector.isArray() ? vector.size() + " values" : vector));
      }
      float[] values = new float[vector.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = (float) vector.get(i).asDouble();
      }
      return values;
    }
    if (text == null) {
      throw ApiException.invalidParameter("Either query_vector or query_text must be provided.");
    }
    if (index.embeddingEndpoint() == null) {
      throw ApiException.invalidParameter("Index " + index.name() + " has self-managed embeddings: query_vector is"
          + " required (query_text alone is only for indexes with an embedding model).");
    }
    return serving.embed(index.embeddingEndpoint(), List.of(text)).get(0);
  }

  static double cosine(float[] a, float[] b) {
    double dot = 0;
    double normA = 0;
    double normB = 0;
    for (int i = 0; i < Math.min(a.length, b.length); i++) {
      dot += a[i] * (double) b[i];
      normA += a[i] * (double) a[i];
      normB += b[i] * (double) b[i];
    }
    return normA == 0 || normB == 0 ? 0 : dot / Math.sqrt(normA * normB);
  }

  /** The row's searchable text: the embedded source column, or every string value of a direct-access row. */
  private static String rowText(VectorIndex index, VectorIndex.Row row) {
    if (index.textColumn() != null) {
      return row.fields.path(index.textColumn()).asText("");
    }
    StringBuilder text = new StringBuilder();
    Iterator<JsonNode> values = row.fields.elements();
    while (values.hasNext()) {
      JsonNode value = values.next();
      if (value.isTextual()) {
        text.append(value.asText()).append(' ');
      }
    }
    return text.toString();
  }

  private static double keywordScore(Set<String> queryWords, String text) {
    if (queryWords.isEmpty()) {
      return 0;
    }
    Set<String> words = new HashSet<>(TextTokens.of(text));
    long found = queryWords.stream().filter(words::contains).count();
    return (double) found / queryWords.size();
  }
}
