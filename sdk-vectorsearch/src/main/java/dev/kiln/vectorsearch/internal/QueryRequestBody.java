package dev.kiln.vectorsearch.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kiln.vectorsearch.model.QueryType;
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

  private QueryRequestBody(VectorQuery q) {
    this.columns = q.columns();
    this.queryText = q.queryText().orElse(null);
    this.queryVector = q.queryVector().isEmpty() ? null : q.queryVector();
    this.filtersJson = q.effectiveFiltersJson().orElse(null);
    this.numResults = q.numResults().orElse(null);
    this.queryType = q.queryType().orElse(null);
    this.scoreThreshold = q.scoreThreshold().orElse(null);
    this.columnsToRerank = q.columnsToRerank().isEmpty() ? null : q.columnsToRerank();
  }

  public static QueryRequestBody of(VectorQuery query) {
    return new QueryRequestBody(query);
  }
}
