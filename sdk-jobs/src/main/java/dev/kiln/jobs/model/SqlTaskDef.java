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
  @JsonProperty("warehouse_id")
  public abstract String warehouseId();

  @JsonProperty("query")
  public abstract Optional<SqlTaskQuery> query();

  @JsonProperty("file")
  public abstract Optional<SqlTaskFile> file();

  @JsonProperty("alert")
  public abstract Optional<JsonNode> alert();

  @JsonProperty("dashboard")
  public abstract Optional<JsonNode> dashboard();

  @JsonProperty("parameters")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, String> parameters();
}
