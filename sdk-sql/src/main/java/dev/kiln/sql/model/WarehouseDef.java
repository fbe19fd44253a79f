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
  /** The warehouse's id: the {@code warehouse_id} statements are sent to. */
  @JsonProperty("id")
  public abstract String id();

  /** The warehouse's name as shown in the UI. */
  @JsonProperty("name")
  public abstract Optional<String> name();

  /**
   * The state exactly as sent; {@code "UNKNOWN"} when the server sent none. {@link #state()} is the
   * typed form.
   */
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

  /** The fewest clusters the warehouse keeps running while up (autoscaling's lower bound). */
  @JsonProperty("min_num_clusters")
  public abstract OptionalInt minNumClusters();

  /** The most clusters the warehouse scales to under load (autoscaling's upper bound). */
  @JsonProperty("max_num_clusters")
  public abstract OptionalInt maxNumClusters();

  /** Clusters running now. */
  @JsonProperty("num_clusters")
  public abstract OptionalInt numClusters();

  /** Open sessions (connections) on the warehouse now. */
  @JsonProperty("num_active_sessions")
  public abstract OptionalInt numActiveSessions();

  /** Whether queries run on the Photon engine. */
  @JsonProperty("enable_photon")
  public abstract Optional<Boolean> enablePhoton();

  /** Whether the warehouse is serverless (starts in seconds, compute in the Databricks account). */
  @JsonProperty("enable_serverless_compute")
  public abstract Optional<Boolean> enableServerlessCompute();

  /** CLASSIC or PRO, as sent. */
  @JsonProperty("warehouse_type")
  public abstract Optional<String> warehouseType();

  /** Who created the warehouse. */
  @JsonProperty("creator_name")
  public abstract Optional<String> creatorName();

  /** The JDBC URL to connect to the warehouse with a JDBC driver. */
  @JsonProperty("jdbc_url")
  public abstract Optional<String> jdbcUrl();

  /**
   * The server's health report, e.g. why the warehouse fails to start; absent when healthy or not
   * sent.
   */
  @JsonProperty("health")
  public abstract Optional<WarehouseHealth> health();

  /** The typed state; {@code UNKNOWN} for a state this SDK version does not know. */
  @JsonIgnore
  public WarehouseState state() {
    return WarehouseState.fromWire(rawState());
  }
}
