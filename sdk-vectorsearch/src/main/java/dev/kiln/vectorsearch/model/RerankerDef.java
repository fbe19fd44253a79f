package dev.kiln.vectorsearch.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.kiln.core.error.InvalidRequestException;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * Reranks the top 50 matches with a reranker model before the {@code numResults} best are returned; the
 * text of {@link #columnsToRerank()} is what the model reads. {@code Reranker.of(List.of("text"))}.
 */
@Value.Immutable
@JsonSerialize(as = Reranker.class)
abstract class RerankerDef {
  /** The one reranker model Databricks offers. */
  public static final String DATABRICKS_RERANKER = "databricks_reranker";

  /** The text columns the reranker model reads; at least one, none blank. */
  @Value.Parameter
  @JsonIgnore
  public abstract List<String> columnsToRerank();

  /** The reranker model; {@link #DATABRICKS_RERANKER} by default. */
  @Value.Default
  @JsonProperty("model")
  public String model() {
    return DATABRICKS_RERANKER;
  }

  /** {@code {columns_to_rerank: [...]}} on the wire. */
  @JsonProperty("parameters")
  Map<String, List<String>> parameters() {
    return Map.of("columns_to_rerank", columnsToRerank());
  }

  /**
   * Rejects a reranker the server would refuse, when it is built.
   *
   * @throws dev.kiln.core.error.InvalidRequestException without a column to rerank, with a blank
   *     column, or with a blank model
   */
  @Value.Check
  protected void check() {
    if (columnsToRerank().isEmpty() || columnsToRerank().stream().anyMatch(String::isBlank)) {
      throw new InvalidRequestException("a Reranker needs at least one column to rerank, with no blank name");
    }
    if (model().isBlank()) {
      throw new InvalidRequestException("the reranker model must not be blank");
    }
  }
}
