package dev.kiln.jobs.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** A saved query a SQL task runs. */
@Value.Immutable
@JsonSerialize(as = SqlTaskQuery.class)
@JsonDeserialize(as = SqlTaskQuery.class)
abstract class SqlTaskQueryDef {
  /** The saved query's id ({@code query_id}). */
  @JsonProperty("query_id")
  public abstract String queryId();
}
