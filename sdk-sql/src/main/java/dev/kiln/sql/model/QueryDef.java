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
  @JsonProperty("id")
  public abstract String id();

  @JsonProperty("display_name")
  public abstract Optional<String> displayName();

  @JsonProperty("description")
  public abstract Optional<String> description();

  @JsonProperty("query_text")
  public abstract Optional<String> queryText();

  @JsonProperty("warehouse_id")
  public abstract Optional<String> warehouseId();

  @JsonProperty("catalog")
  public abstract Optional<String> catalog();

  @JsonProperty("schema")
  public abstract Optional<String> schema();

  @JsonProperty("parameters")
  public abstract List<QueryParameter> parameters();

  @JsonProperty("owner_user_name")
  public abstract Optional<String> ownerUserName();

  @JsonProperty("last_modifier_user_name")
  public abstract Optional<String> lastModifierUserName();

  @JsonProperty("tags")
  public abstract List<String> tags();

  /** As sent; see {@link #lifecycleState()}. */
  @JsonProperty("lifecycle_state")
  public abstract Optional<String> rawLifecycleState();

  /** As sent; see {@link #runAsMode()}. */
  @JsonProperty("run_as_mode")
  public abstract Optional<String> rawRunAsMode();

  @JsonProperty("apply_auto_limit")
  public abstract Optional<Boolean> applyAutoLimit();

  @JsonProperty("create_time")
  public abstract Optional<Instant> createTime();

  @JsonProperty("update_time")
  public abstract Optional<Instant> updateTime();

  @JsonIgnore
  public Optional<QueryLifecycleState> lifecycleState() {
    return rawLifecycleState().map(QueryLifecycleState::fromWire);
  }

  @JsonIgnore
  public Optional<RunAsMode> runAsMode() {
    return rawRunAsMode().map(RunAsMode::fromWire);
  }
}
