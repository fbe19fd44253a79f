package dev.kiln.execution.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.kiln.core.error.InvalidRequestException;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/** AWS placement of a cluster's nodes ({@code aws_attributes}); availability SPOT, ON_DEMAND or SPOT_WITH_FALLBACK. */
@Value.Immutable
@JsonSerialize(as = AwsAttributes.class)
@JsonDeserialize(as = AwsAttributes.class)
abstract class AwsAttributesDef {
  @JsonProperty("availability")
  public abstract Optional<String> availability();

  @JsonProperty("zone_id")
  public abstract Optional<String> zoneId();

  @JsonProperty("first_on_demand")
  public abstract OptionalInt firstOnDemand();

  /** The spot bid as a percentage of the on-demand price (100 by default on the server). */
  @JsonProperty("spot_bid_price_percent")
  public abstract OptionalInt spotBidPricePercent();

  @JsonProperty("instance_profile_arn")
  public abstract Optional<String> instanceProfileArn();

  @JsonProperty("ebs_volume_type")
  public abstract Optional<String> ebsVolumeType();

  @JsonProperty("ebs_volume_count")
  public abstract OptionalInt ebsVolumeCount();

  @JsonProperty("ebs_volume_size")
  public abstract OptionalInt ebsVolumeSize();

  @Value.Check
  protected void check() {
    if (spotBidPricePercent().isPresent() && spotBidPricePercent().getAsInt() < 1) {
      throw new InvalidRequestException("aws spotBidPricePercent must be positive, was " + spotBidPricePercent().getAsInt());
    }
  }
}
