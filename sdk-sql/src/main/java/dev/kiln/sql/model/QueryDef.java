package dev.kiln.sql.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A saved query of the Queries API ({@code /api/2.0/sql/queries}). */
@Value.Immutable
@JsonSerialize(as = Query.class)
@JsonDeserialize(as = Query.class)
abstract class QueryDef {
  /** The query's id, used to read, update or trash it. */
  @JsonProperty("id")
  public abstract String id();

  /** The name shown in the UI ({@code display_name}). */
  @JsonProperty("display_name")
  public abstract Optional<String> displayName();

  /** What the query is for, as its author wrote it. */
  @JsonProperty("description")
  public abstract Optional<String> description();

  /** The SQL text, possibly with {@code :name} parameters ({@code query_text}). */
  @JsonProperty("query_text")
  public abstract Optional<String> queryText();

  /** The SQL warehouse the query runs on by default. */
  @JsonProperty("warehouse_id")
  public abstract Optional<String> warehouseId();

  /** The catalog unqualified names resolve in; the warehouse's default when absent. */
  @JsonProperty("catalog")
  public abstract Optional<String> catalog();

  /** The schema unqualified names resolve in; the warehouse's default when absent. */
  @JsonProperty("schema")
  public abstract Optional<String> schema();

  /** The query's parameters with their defaults; empty when it has none. */
  @JsonProperty("parameters")
  public abstract List<QueryParameter> parameters();

  /** The query's owner. */
  @JsonProperty("owner_user_name")
  public abstract Optional<String> ownerUserName();

  /** The user who last changed the query. */
  @JsonProperty("last_modifier_user_name")
  public abstract Optional<String> lastModifierUserName();

  /** Labels for organising queries; empty when none. */
  @JsonProperty("tags")
  public abstract List<String> tags();

  /** As sent; see {@link #lifecycleState()}. */
  @JsonProperty("lifecycle_state")
  public abstract Optional<String> rawLifecycleState();

  /** As sent; see {@link #runAsMode()}. */
  @JsonProperty("run_as_mode")
  public abstract Optional<String> rawRunAsMode();

  /** Whether the UI adds {@code LIMIT 1000} when running the query ({@code apply_auto_limit}). */
  @JsonProperty("apply_auto_limit")
  public abstract Optional<Boolean> applyAutoLimit();

  /** When the query was created. */
  @JsonProperty("create_time")
  public abstract Optional<Instant> createTime();

  /** When the query was last changed. */
  @JsonProperty("update_time")
  public abstract Optional<Instant> updateTime();

  /**
   * The typed lifecycle state; absent when not sent, {@code UNKNOWN} for one this SDK version does
   * not know.
   */
  @JsonIgnore
  public Optional<QueryLifecycleState> lifecycleState() {
    return rawLifecycleState().map(QueryLifecycleState::fromWire);
  }

  /**
   * The typed run-as mode; absent when not sent, {@code UNKNOWN} for one this SDK version does not
   * know.
   */
  @JsonIgnore
  public Optional<RunAsMode> runAsMode() {
    return rawRunAsMode().map(RunAsMode::fromWire);
  }
}
