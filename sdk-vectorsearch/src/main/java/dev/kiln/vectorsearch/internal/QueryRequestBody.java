package dev.kiln.vectorsearch.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kiln.vectorsearch.model.QueryType;
import dev.kiln.vectorsearch.model.Reranker;
import dev.kiln.vectorsearch.model.VectorQuery;
import java.util.List;

/** Wire body of {@code POST .../indexes/{name}/query}; absent options stay out of the JSON. */
public final class QueryRequestBody {
  @JsonProperty("columns")
  private final List<String> columns;
  @JsonProperty("query_text")
  private final String queryText;
  @JsonProperty("query_vector")
  private final List<Float> queryVector;
  @JsonProperty("filters_json")
  private final String filtersJson;
  @JsonProperty("num_results")
  private final Integer numResults;
  @JsonProperty("query_type")
  private final QueryType queryType;
  @JsonProperty("score_threshold")
  private final Double scoreThreshold;
  @JsonProperty("columns_to_rerank")
  private final List<String> columnsToRerank;
  @JsonProperty("reranker")
  private final Reranker reranker;

  private QueryRequestBody(VectorQuery q, String filtersJson) {
    this.columns = q.columns();
    this.queryText = q.queryText().orElse(null);
    this.queryVector = q.queryVector().isEmpty() ? null : q.queryVector();
    this.filtersJson = filtersJson;
    this.numResults = q.numResults().orElse(null);
    this.queryType = q.queryType().orElse(null);
    this.scoreThreshold = q.scoreThreshold().orElse(null);
    this.columnsToRerank = q.columnsToRerank().isEmpty() ? null : q.columnsToRerank();
    this.reranker = q.reranker().orElse(null);
  }

  /** {@code filtersJson}: the filter in the syntax of the index's endpoint (see {@code FilterSyntax}), or null. */
  public static QueryRequestBody of(VectorQuery query, String filtersJson) {
    return new QueryRequestBody(query, filtersJson);
  }
}
