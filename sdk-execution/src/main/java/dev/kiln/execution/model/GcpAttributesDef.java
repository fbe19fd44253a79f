package dev.kiln.execution.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/** GCP placement of a cluster's nodes ({@code gcp_attributes}); availability PREEMPTIBLE_GCP, ON_DEMAND_GCP or PREEMPTIBLE_WITH_FALLBACK_GCP. */
@Value.Immutable
@JsonSerialize(as = GcpAttributes.class)
@JsonDeserialize(as = GcpAttributes.class)
abstract class GcpAttributesDef {
  /**
   * How nodes are bought, as sent: {@code PREEMPTIBLE_GCP}, {@code ON_DEMAND_GCP} or
   * {@code PREEMPTIBLE_WITH_FALLBACK_GCP}.
   */
  @JsonProperty("availability")
  public abstract Optional<String> availability();

  /** The zone, e.g. {@code us-central1-a}, {@code HA} or {@code AUTO} to let the server choose. */
  @JsonProperty("zone_id")
  public abstract Optional<String> zoneId();

  /** How many of the first nodes (the driver first) are on-demand whatever the availability. */
  @JsonProperty("first_on_demand")
  public abstract OptionalInt firstOnDemand();

  /** The Google service account the nodes run as (its email). */
  @JsonProperty("google_service_account")
  public abstract Optional<String> googleServiceAccount();

  /** How many local SSDs each node gets. */
  @JsonProperty("local_ssd_count")
  public abstract OptionalInt localSsdCount();

  /** The boot disk size of each node, in GB. */
  @JsonProperty("boot_disk_size")
  public abstract OptionalInt bootDiskSize();
}
