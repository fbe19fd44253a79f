package dev.kiln.vectorsearch.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.Json;
import dev.kiln.core.error.InvalidRequestException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A similarity search on one index. Build with {@code VectorQuery.builder()}:
 *
 * <pre>
 * {@code VectorQuery.builder()
 *     .addColumns("id", "text")
 *     .queryText("Databricks Vector Search")
 *     .filters(Map.of("year >=", 2024))      // or .filterString("year >= 2024") on a STORAGE_OPTIMIZED endpoint
 *     .numResults(20)
 *     .build();
 * }</pre>
 *
 * <p>{@code build()} throws {@link dev.kiln.core.error.InvalidRequestException} for a query the server would reject:
 * no columns, neither text nor vector, a result count outside 1..10,000, filters given twice or as
 * JSON that does not parse, non-finite vector components.
 */
@Value.Immutable
abstract class VectorQueryDef {
  /** Most results one query may return across all its pages (server limit). */
  public static final int MAX_RESULTS = 10_000;

  /** Columns returned for every match, in order; the server appends the score as a last column. */
  public abstract List<String> columns();

  /** Text to embed (managed embeddings) or to match by keywords (hybrid / full-text). */
  public abstract Optional<String> queryText();

  /**
   * The query embedding. Stored as float32, the precision of the index itself; doubles given to
   * {@code queryVector(Collection<Double>)} are narrowed. Empty when the query is by text only.
   */
  public abstract List<Float> queryVector();

  /**
   * Filters as plain Java values, e.g. {@code Map.of("id <", 5, "lang", List.of("en", "fr"))};
   * Kiln writes them to the request's {@code filters_json} string. Mutually exclusive with
   * {@link #filtersJson()}.
   */
  public abstract Map<String, Object> filters();

  /**
   * Filters as a ready-made JSON object string, sent as is in {@code filters_json}; it must parse.
   * Mutually exclusive with {@link #filters()}.
   */
  public abstract Optional<String> filtersJson();

  /**
   * Filters as the SQL-like string of STORAGE_OPTIMIZED endpoints, e.g. {@code "price < 200 AND make IN ('a')"}.
   * Refused (before sending) for an index on a STANDARD endpoint, which takes {@link #filters()} instead;
   * mutually exclusive with {@link #filters()} and {@link #filtersJson()}.
   */
  public abstract Optional<String> filterString();

  /**
   * The type of the endpoint serving the index, when the caller knows it. A filtered query needs it to pick
   * the filter syntax; when absent the client looks it up once per endpoint and remembers it.
   */
  public abstract Optional<EndpointType> endpointType();

  /** Rerank the top 50 matches with a reranker model. */
  public abstract Optional<Reranker> reranker();

  /** How many matches to return (1..10,000); the server's default (10) applies when absent. */
  public abstract Optional<Integer> numResults();

  /**
   * How matches are found: {@link QueryType#ANN} (the server's default when absent),
   * {@link QueryType#HYBRID} or {@link QueryType#FULL_TEXT}; the last two need query text.
   */
  public abstract Optional<QueryType> queryType();

  /** Matches scoring below this are left out. */
  public abstract Optional<Double> scoreThreshold();

  /** Columns whose text is sent to the reranker. */
  public abstract List<String> columnsToRerank();

  /**
   * The endpoint serving the index. Only needed by {@code queryAll} to fetch pages after the first;
   * when absent, {@code queryAll} looks it up once with {@code getIndex}.
   */
  public abstract Optional<String> endpointName();

  /** Whether any filter is set, as a map, as JSON or as a filter string. */
  public boolean hasFilters() {
    return !filters().isEmpty() || filtersJson().isPresent() || filterString().isPresent();
  }

  /**
   * The {@code filters_json} string to send: {@link #filtersJson()} verbatim, or {@link #filters()}
   * written by the shared mapper; empty when there is no filter.
   */
  public Optional<String> effectiveFiltersJson() {
    if (filtersJson().isPresent()) {
      return filtersJson();
    }
    if (filters().isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Json.mapper().writeValueAsString(filters()));
    } catch (JsonProcessingException e) {
      throw new InvalidRequestException("filters cannot be written as JSON: " + e.getOriginalMessage());
    }
  }

  /**
   * Rejects a query the server would refuse, when it is built (the rules are listed on the class).
   *
   * @throws dev.kiln.core.error.InvalidRequestException naming the attribute to change
   */
  @Value.Check
  protected void check() {
    if (columns().isEmpty()) {
      throw new InvalidRequestException(
          "a VectorQuery needs at least one column to return, e.g. addColumns(\"id\", \"text\")");
    }
    requireNotBlank(columns(), "columns");
    requireNotBlank(columnsToRerank(), "columnsToRerank");
    boolean hasText = queryText().filter(t -> !t.isBlank()).isPresent();
    if (queryText().isPresent() && !hasText) {
      throw new InvalidRequestException("queryText must not be blank; leave it unset to search by vector only");
    }
    if (!hasText && queryVector().isEmpty()) {
      throw new InvalidRequestException("a VectorQuery needs queryText(..) or queryVector(..); set at least one");
    }
    for (Float f : queryVector()) {
      if (f.isNaN() || f.isInfinite()) {
        throw new InvalidRequestException("queryVector components must be finite numbers, got " + f);
      }
    }
    numResults().ifPresent(n -> {
      if (n < 1 || n > MAX_RESULTS) {
        throw new InvalidRequestException("numResults must be between 1 and " + MAX_RESULTS + ", got " + n);
      }
    });
    scoreThreshold().ifPresent(t -> {
      if (t.isNaN() || t.isInfinite()) {
        throw new InvalidRequestException("scoreThreshold must be a finite number, got " + t);
      }
    });
    int filterForms = (filters().isEmpty() ? 0 : 1) + (filtersJson().isPresent() ? 1 : 0)
        + (filterString().isPresent() ? 1 : 0);
    if (filterForms > 1) {
      throw new InvalidRequestException("set one of filters(..), filtersJson(..) or filterString(..), not several");
    }
    if (filterString().filter(String::isBlank).isPresent()) {
      throw new InvalidRequestException("filterString must not be blank; leave it unset to filter nothing");
    }
    if (endpointType().filter(t -> t == EndpointType.UNKNOWN).isPresent()) {
      throw new InvalidRequestException("endpointType must be STANDARD or STORAGE_OPTIMIZED; leave it unset to "
          + "have it looked up");
    }
    if (queryType().filter(t -> t == QueryType.FULL_TEXT).isPresent()) {
      if (!hasText) {
        throw new InvalidRequestException("query type FULL_TEXT searches keywords: it needs queryText(..)");
      }
      if (!queryVector().isEmpty()) {
        throw new InvalidRequestException("query type FULL_TEXT searches keywords only: leave queryVector unset");
      }
    }
    if (queryType().filter(t -> t == QueryType.HYBRID).isPresent() && !hasText) {
      throw new InvalidRequestException("query type HYBRID combines keywords with the vector: it needs queryText(..)");
    }
    if (reranker().isPresent() && !hasText) {
      throw new InvalidRequestException("the reranker compares matches with the query's text: it needs queryText(..)");
    }
    filtersJson().ifPresent(VectorQueryDef::requireJsonObject);
    effectiveFiltersJson(); // fails here, at build time, when the filter values cannot be written
    endpointName().ifPresent(e -> {
      if (e.isBlank()) {
        throw new InvalidRequestException("endpointName must not be blank; leave it unset to have it looked up");
      }
    });
  }

  private static void requireNotBlank(List<String> names, String attribute) {
    for (String name : names) {
      if (name.isBlank()) {
        throw new InvalidRequestException(attribute + " must not contain blank names, got " + names);
      }
    }
  }

  private static void requireJsonObject(String json) {
    JsonNode node;
    try {
      node = Json.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new InvalidRequestException("filtersJson is not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new InvalidRequestException("filtersJson must be a JSON object such as {\"id <\": 5}");
    }
  }

  /** Adds the array and double-list forms of {@code queryVector} to the generated builder. */
  public abstract static class Builder {
    /** Generated: replaces the vector with these components. */
    public abstract VectorQuery.Builder queryVector(Iterable<Float> elements);

    /** The query embedding as a float array (copied). */
    public VectorQuery.Builder queryVector(float... vector) {
      List<Float> components = new ArrayList<>(vector.length);
      for (float f : vector) {
        components.add(f);
      }
      return queryVector(components);
    }

    /** The query embedding as doubles, narrowed to float32 like the index stores it. */
    public VectorQuery.Builder queryVector(Collection<Double> vector) {
      List<Float> components = new ArrayList<>(vector.size());
      for (Double d : vector) {
        if (d == null) {
          throw new InvalidRequestException("queryVector must not contain null components");
        }
        components.add(d.floatValue());
      }
      return queryVector(components);
    }
  }
}
