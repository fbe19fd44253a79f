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
 * row's text) and FULL_TEXT uses the keyword score alone (rows with none of the words are no match). Rows
 * below {@code score_threshold} are dropped; the rest come best first (ties by primary
 * key), at most {@code num_results}, with the score as the last column.
 */
final class VectorQuery {
  static final String SCORE = "score";
  private static final int MAX_RESULTS = 10_000;
  static final String RERANKER_MODEL = "databricks_reranker";
  /** How many of the best hits the reranker reorders. */
  private static final int RERANKED = 50;

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

  /**
   * @param storageOptimized whether the index's endpoint is STORAGE_OPTIMIZED: its {@code filters_json} is then
   *     the SQL-like string of {@link VectorSqlFilter}, and a JSON object there is refused (and the other way
   *     round on standard endpoints)
   */
  static Result run(VectorIndex index, JsonNode body, ServingEndpoints serving, boolean storageOptimized) {
    List<String> columns = columns(index, body.get("columns"));
    int numResults = numResults(body.get("num_results"));
    String queryType = queryType(body.path("query_type").asText("ANN"));
    boolean hybrid = queryType.equals("HYBRID");
    boolean fullText = queryType.equals("FULL_TEXT");
    String queryText = body.hasNonNull("query_text") ? body.get("query_text").asText() : null;
    if ((hybrid || fullText) && (queryText == null || queryText.isBlank())) {
      throw ApiException.invalidParameter("query_text is required for query_type " + queryType + ".");
    }
    if (fullText && body.hasNonNull("query_vector")) {
      throw ApiException.invalidParameter("query_vector is not allowed with query_type FULL_TEXT (keywords only).");
    }
    float[] queryVector = fullText ? null : queryVector(index, body.get("query_vector"), queryText, serving);
    Predicate<ObjectNode> filter = filter(index, body.get("filters_json"), storageOptimized);
    Double threshold = body.hasNonNull("score_threshold") ? body.get("score_threshold").asDouble() : null;
    Set<String> queryWords = hybrid || fullText ? new HashSet<>(TextTokens.of(queryText)) : Set.of();
    List<String> rerankColumns = rerankColumns(index, body.get("reranker"), queryText);

    List<Scored> scored = new ArrayList<>();
    for (VectorIndex.Row row : index.rows()) {
      if (!filter.test(row.fields)) {
        continue;
      }
      double score;
      if (fullText) {
        score = keywordScore(queryWords, rowText(index, row));
        if (score == 0) {
          continue; // keyword search: a row without any of the words is no match
        }
      } else {
        score = (1 + cosine(queryVector, row.vector)) / 2;
        if (hybrid) {
          score = (score + keywordScore(queryWords, rowText(index, row))) / 2;
        }
      }
      if (threshold == null || score >= threshold) {
        scored.add(new Scored(row, score));
      }
    }
    scored.sort(Comparator.comparingDouble((Scored s) -> -s.score));
    if (rerankColumns != null) {
      rerank(scored, rerankColumns, new HashSet<>(TextTokens.of(queryText)));
    }
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

  private static String queryType(String queryType) {
    String type = queryType.toUpperCase(Locale.ROOT);
    if (!type.equals("ANN") && !type.equals("HYBRID") && !type.equals("FULL_TEXT")) {
      throw ApiException.invalidParameter("query_type must be ANN, HYBRID or FULL_TEXT, got '" + queryType + "'.");
    }
    return type;
  }

  /** The filter in the syntax of the endpoint type; the other syntax is refused with a hint. */
  private static Predicate<ObjectNode> filter(VectorIndex index, JsonNode filters, boolean storageOptimized) {
    if (filters != null && !filters.isNull() && !filters.isTextual()) {
      throw ApiException.invalidParameter("filters_json must be a string.");
    }
    String text = filters == null || filters.isNull() ? null : filters.asText();
    boolean jsonObject = text != null && text.trim().startsWith("{");
    if (storageOptimized) {
      if (jsonObject) {
        throw ApiException.invalidParameter("Endpoint " + index.endpointName() + " is STORAGE_OPTIMIZED: filters are"
            + " a SQL-like string such as \"price < 200 AND make IN ('a')\", not a JSON object.");
      }
      return VectorSqlFilter.parse(text, index.columns());
    }
    if (text != null && !text.isBlank() && !jsonObject) {
      throw ApiException.invalidParameter("Endpoint " + index.endpointName() + " is STANDARD: filters_json must be a"
          + " JSON object such as {\"price <\": 200}; SQL-like filter strings are for STORAGE_OPTIMIZED endpoints.");
    }
    return VectorFilter.parse(text, index.columns());
  }

  /** The reranker's columns, or null when the query asks for no reranking. */
  private static List<String> rerankColumns(VectorIndex index, JsonNode reranker, String queryText) {
    if (reranker == null || reranker.isNull()) {
      return null;
    }
    String model = reranker.path("model").asText("");
    if (!model.equals(RERANKER_MODEL)) {
      throw ApiException.invalidParameter("reranker.model must be " + RERANKER_MODEL + ", got '" + model + "'.");
    }
    if (queryText == null || queryText.isBlank()) {
      throw ApiException.invalidParameter("The reranker needs query_text.");
    }
    List<String> columns = new ArrayList<>();
    reranker.path("parameters").path("columns_to_rerank").forEach(c -> columns.add(c.asText()));
    if (columns.isEmpty()) {
      throw ApiException.invalidParameter("reranker.parameters.columns_to_rerank is required.");
    }
    List<String> known = index.columns();
    for (String column : columns) {
      if (known != null && !known.contains(column)) {
        throw ApiException.invalidParameter("columns_to_rerank: '" + column + "' is not a column of the index.");
      }
    }
    return columns;
  }

  /**
   * Stands in for the reranker model: the top {@link #RERANKED} hits are ordered again by the share of the
   * query's words in their {@code columns} (ties keep the first order); their scores stay as they were.
   */
  private static void rerank(List<Scored> scored, List<String> columns, Set<String> queryWords) {
    List<Scored> top = new ArrayList<>(scored.subList(0, Math.min(RERANKED, scored.size())));
    top.sort(Comparator.comparingDouble((Scored s) -> -keywordScore(queryWords, text(s.row, columns))));
    for (int i = 0; i < top.size(); i++) {
      scored.set(i, top.get(i));
    }
  }

  private static String text(VectorIndex.Row row, List<String> columns) {
    StringBuilder text = new StringBuilder();
    for (String column : columns) {
      text.append(row.fields.path(column).asText("")).append(' ');
    }
    return text.toString();
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
