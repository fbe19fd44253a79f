package dev.kiln.genie.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** A query attachment: the SQL Genie generated and the statement that ran it. */
@Value.Immutable
@JsonSerialize(as = GenieQuery.class)
@JsonDeserialize(as = GenieQuery.class)
abstract class GenieQueryDef {
  /** A short title Genie gave the query, when it sent one. */
  @JsonProperty("title")
  public abstract Optional<String> title();

  /** Genie's explanation of what the query does. */
  @JsonProperty("description")
  public abstract Optional<String> description();

  /** The generated SQL ({@code query} on the wire). */
  @JsonProperty("query")
  @Value.Default
  public String sql() {
    return "";
  }

  /** The SQL statement that ran the query, readable through sdk-sql while its result lives. */
  @JsonProperty("statement_id")
  public abstract Optional<String> statementId();

  /**
   * The result's size as the server reported it ({@code query_result_metadata}); see
   * {@link #rowCount()} and {@link #truncated()}.
   */
  @JsonProperty("query_result_metadata")
  public abstract Optional<GenieQueryResultMetadata> resultMetadata();

  /** Rows in the result, when the server reported it. */
  @JsonIgnore
  public Optional<Long> rowCount() {
    return resultMetadata().flatMap(GenieQueryResultMetadata::rowCount);
  }

  /** Whether the result was cut short; false when the server did not say. */
  @JsonIgnore
  public boolean truncated() {
    return resultMetadata().flatMap(GenieQueryResultMetadata::isTruncated).orElse(false);
  }
}
