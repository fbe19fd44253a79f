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
  @JsonProperty("availability")
  public abstract Optional<String> availability();

  @JsonProperty("zone_id")
  public abstract Optional<String> zoneId();

  @JsonProperty("first_on_demand")
  public abstract OptionalInt firstOnDemand();

  @JsonProperty("google_service_account")
  public abstract Optional<String> googleServiceAccount();

  @JsonProperty("local_ssd_count")
  public abstract OptionalInt localSsdCount();

  @JsonProperty("boot_disk_size")
  public abstract OptionalInt bootDiskSize();
}
