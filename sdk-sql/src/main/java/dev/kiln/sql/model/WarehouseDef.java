package dev.kiln.sql.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/** A SQL warehouse ({@code GET /api/2.0/sql/warehouses/{id}} and the list). */
@Value.Immutable
@JsonSerialize(as = Warehouse.class)
@JsonDeserialize(as = Warehouse.class)
abstract class WarehouseDef {
  @JsonProperty("id")
  public abstract String id();

  @JsonProperty("name")
  public abstract Optional<String> name();

  @JsonProperty("state")
  @Value.Default
  public String rawState() {
    return "UNKNOWN";
  }

  /** 2X-Small ... 4X-Large. */
  @JsonProperty("cluster_size")
  public abstract Optional<String> clusterSize();

  /** Minutes idle before the warehouse stops itself; 0 never. */
  @JsonProperty("auto_stop_mins")
  public abstract OptionalInt autoStopMins();

  @JsonProperty("min_num_clusters")
  public abstract OptionalInt minNumClusters();

  @JsonProperty("max_num_clusters")
  public abstract OptionalInt maxNumClusters();

  @JsonProperty("num_clusters")
  public abstract OptionalInt numClusters();

  @JsonProperty("num_active_sessions")
  public abstract OptionalInt numActiveSessions();

  @JsonProperty("enable_photon")
  public abstract Optional<Boolean> enablePhoton();

  @JsonProperty("enable_serverless_compute")
  public abstract Optional<Boolean> enableServerlessCompute();

  /** CLASSIC or PRO, as sent. */
  @JsonProperty("warehouse_type")
  public abstract Optional<String> warehouseType();

  @JsonProperty("creator_name")
  public abstract Optional<String> creatorName();

  @JsonProperty("jdbc_url")
  public abstract Optional<String> jdbcUrl();

  @JsonProperty("health")
  public abstract Optional<WarehouseHealth> health();

  @JsonIgnore
  public WarehouseState state() {
    return WarehouseState.fromWire(rawState());
  }
}
