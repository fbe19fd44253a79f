package dev.kiln.jobs.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** A task that runs SQL on a warehouse: {@code sql_task} with a query or a file (alerts and dashboards are kept as JSON). */
@Value.Immutable
@JsonSerialize(as = SqlTask.class)
@JsonDeserialize(as = SqlTask.class)
abstract class SqlTaskDef {
  /** The SQL warehouse to run on ({@code warehouse_id}); must be a pro or serverless warehouse. */
  @JsonProperty("warehouse_id")
  public abstract String warehouseId();

  /** The saved query to run ({@code query}); one of query, file, alert or dashboard. */
  @JsonProperty("query")
  public abstract Optional<SqlTaskQuery> query();

  /** The SQL file to run ({@code file}); one of query, file, alert or dashboard. */
  @JsonProperty("file")
  public abstract Optional<SqlTaskFile> file();

  /** The alert to evaluate ({@code alert}), kept as JSON. */
  @JsonProperty("alert")
  public abstract Optional<JsonNode> alert();

  /** The dashboard to refresh ({@code dashboard}), kept as JSON. */
  @JsonProperty("dashboard")
  public abstract Optional<JsonNode> dashboard();

  /** Values for the SQL's parameters ({@code parameters}); left out of the request when empty. */
  @JsonProperty("parameters")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, String> parameters();
}
