package dev.kiln.sql.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.kiln.core.error.InvalidRequestException;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * A SQL warehouse as {@code WarehousesClient.create} and {@code edit} send it. {@code build()}
 * rejects what the server would: a blank name or size, {@code autoStopMins} other than 0 or at
 * least 10, cluster counts below 1 or out of order.
 */
@Value.Immutable
@JsonSerialize(as = WarehouseSpec.class)
abstract class WarehouseSpecDef {
  /** Required: the warehouse's name; not blank. */
  @JsonProperty("name")
  @Value.Default
  public String name() {
    return "";
  }

  /** 2X-Small, X-Small, Small, Medium, Large, X-Large, 2X-Large, 3X-Large or 4X-Large. */
  @JsonProperty("cluster_size")
  @Value.Default
  public String clusterSize() {
    return "";
  }

  /** Minutes idle before it stops: 0 (never) or at least 10. */
  @JsonProperty("auto_stop_mins")
  public abstract OptionalInt autoStopMins();

  /** The fewest clusters kept while the warehouse runs; at least 1 (1 when absent). */
  @JsonProperty("min_num_clusters")
  public abstract OptionalInt minNumClusters();

  /** The most clusters the warehouse scales to under load; not below {@link #minNumClusters()}. */
  @JsonProperty("max_num_clusters")
  public abstract OptionalInt maxNumClusters();

  /** Whether queries run on the Photon engine; the server's default (on) when absent. */
  @JsonProperty("enable_photon")
  public abstract Optional<Boolean> enablePhoton();

  /** Serverless needs {@code warehouseType} PRO. */
  @JsonProperty("enable_serverless_compute")
  public abstract Optional<Boolean> enableServerlessCompute();

  /** CLASSIC or PRO. */
  @JsonProperty("warehouse_type")
  public abstract Optional<String> warehouseType();

  /** COST_OPTIMIZED or RELIABILITY_OPTIMIZED. */
  @JsonProperty("spot_instance_policy")
  public abstract Optional<String> spotInstancePolicy();

  /**
   * Rejects a spec the server would (see the class comment); run by {@code build()}.
   *
   * @throws dev.kiln.core.error.InvalidRequestException naming the first problem found
   */
  @Value.Check
  protected void check() {
    if (name().isBlank()) {
      throw new InvalidRequestException("name is required: give the warehouse a name");
    }
    if (clusterSize().isBlank()) {
      throw new InvalidRequestException("clusterSize is required, e.g. 2X-Small or Small");
    }
    if (autoStopMins().isPresent() && autoStopMins().getAsInt() != 0 && autoStopMins().getAsInt() < 10) {
      throw new InvalidRequestException("autoStopMins must be 0 (never) or at least 10, was " + autoStopMins().getAsInt());
    }
    int min = minNumClusters().orElse(1);
    if (min < 1 || maxNumClusters().isPresent() && maxNumClusters().getAsInt() < min) {
      throw new InvalidRequestException("cluster counts need 1 <= minNumClusters <= maxNumClusters, was "
          + min + ".." + (maxNumClusters().isPresent() ? maxNumClusters().getAsInt() : "unset"));
    }
  }
}
