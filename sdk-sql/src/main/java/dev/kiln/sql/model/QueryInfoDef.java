package dev.kiln.sql.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/** One query of the query history ({@code GET /api/2.0/sql/history/queries}, {@code res[]}). */
@Value.Immutable
@JsonSerialize(as = QueryInfo.class)
@JsonDeserialize(as = QueryInfo.class)
abstract class QueryInfoDef {
  /** For Statement Execution queries, the statement id. */
  @JsonProperty("query_id")
  public abstract String queryId();

  @JsonProperty("status")
  public abstract Optional<String> rawStatus();

  @JsonProperty("query_text")
  public abstract Optional<String> queryText();

  /** SELECT, INSERT, ... as sent. */
  @JsonProperty("statement_type")
  public abstract Optional<String> statementType();

  @JsonProperty("warehouse_id")
  public abstract Optional<String> warehouseId();

  @JsonProperty("user_id")
  public abstract OptionalLong userId();

  @JsonProperty("user_name")
  public abstract Optional<String> userName();

  @JsonProperty("executed_as_user_name")
  public abstract Optional<String> executedAsUserName();

  @JsonProperty("query_start_time_ms")
  public abstract OptionalLong queryStartTimeMs();

  @JsonProperty("query_end_time_ms")
  public abstract OptionalLong queryEndTimeMs();

  @JsonProperty("execution_end_time_ms")
  public abstract OptionalLong executionEndTimeMs();

  /** Total milliseconds, as the server measured. */
  @JsonProperty("duration")
  public abstract OptionalLong duration();

  @JsonProperty("rows_produced")
  public abstract OptionalLong rowsProduced();

  @JsonProperty("error_message")
  public abstract Optional<String> errorMessage();

  @JsonProperty("client_application")
  public abstract Optional<String> clientApplication();

  @JsonProperty("query_tags")
  public abstract List<QueryTag> queryTags();

  @JsonProperty("is_final")
  public abstract Optional<Boolean> isFinal();

  @JsonProperty("metrics")
  public abstract Optional<QueryMetrics> metrics();

  @JsonIgnore
  public QueryStatus status() {
    return QueryStatus.fromWire(rawStatus().orElse(null));
  }

  @JsonIgnore
  public Optional<Instant> startTime() {
    return queryStartTimeMs().isPresent() ? Optional.of(Instant.ofEpochMilli(queryStartTimeMs().getAsLong())) : Optional.empty();
  }
}
