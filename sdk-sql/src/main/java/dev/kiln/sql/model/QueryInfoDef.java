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

  /** The status exactly as sent ({@code status}); {@link #status()} is the typed form. */
  @JsonProperty("status")
  public abstract Optional<String> rawStatus();

  /** The SQL text as run ({@code query_text}). */
  @JsonProperty("query_text")
  public abstract Optional<String> queryText();

  /** SELECT, INSERT, ... as sent. */
  @JsonProperty("statement_type")
  public abstract Optional<String> statementType();

  /** The SQL warehouse that ran the query. */
  @JsonProperty("warehouse_id")
  public abstract Optional<String> warehouseId();

  /** The numeric id of the user who ran the query. */
  @JsonProperty("user_id")
  public abstract OptionalLong userId();

  /** The email or name of the user who ran the query. */
  @JsonProperty("user_name")
  public abstract Optional<String> userName();

  /**
   * The user whose permissions the query ran with, when not the caller (e.g. a query run as its
   * owner).
   */
  @JsonProperty("executed_as_user_name")
  public abstract Optional<String> executedAsUserName();

  /** When the query was received, in epoch milliseconds; {@link #startTime()} as an instant. */
  @JsonProperty("query_start_time_ms")
  public abstract OptionalLong queryStartTimeMs();

  /** When the query ended, in epoch milliseconds; absent while it runs. */
  @JsonProperty("query_end_time_ms")
  public abstract OptionalLong queryEndTimeMs();

  /** When the query's execution ended, in epoch milliseconds; absent while it runs. */
  @JsonProperty("execution_end_time_ms")
  public abstract OptionalLong executionEndTimeMs();

  /** Total milliseconds, as the server measured. */
  @JsonProperty("duration")
  public abstract OptionalLong duration();

  /** Rows the query returned or wrote. */
  @JsonProperty("rows_produced")
  public abstract OptionalLong rowsProduced();

  /** The error, for a FAILED query. */
  @JsonProperty("error_message")
  public abstract Optional<String> errorMessage();

  /**
   * The application that sent the query, as it named itself (e.g. {@code Databricks SQL Editor}).
   */
  @JsonProperty("client_application")
  public abstract Optional<String> clientApplication();

  /** Tags attached to the query when it was sent ({@code query_tags}); empty when none. */
  @JsonProperty("query_tags")
  public abstract List<QueryTag> queryTags();

  /**
   * Whether the entry will not change any more: false while the query runs or its metrics are still
   * being filled in.
   */
  @JsonProperty("is_final")
  public abstract Optional<Boolean> isFinal();

  /**
   * Execution metrics (times, bytes, rows); sent only when the listing asked for them
   * ({@code include_metrics}).
   */
  @JsonProperty("metrics")
  public abstract Optional<QueryMetrics> metrics();

  /**
   * The typed status; {@code UNKNOWN} when none was sent or for one this SDK version does not know.
   */
  @JsonIgnore
  public QueryStatus status() {
    return QueryStatus.fromWire(rawStatus().orElse(null));
  }

  /** {@link #queryStartTimeMs()} as an instant; absent when not sent. */
  @JsonIgnore
  public Optional<Instant> startTime() {
    return queryStartTimeMs().isPresent() ? Optional.of(Instant.ofEpochMilli(queryStartTimeMs().getAsLong())) : Optional.empty();
  }
}
