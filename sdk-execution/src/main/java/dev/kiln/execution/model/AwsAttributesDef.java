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
  /**
   * How nodes are bought, as sent: {@code SPOT}, {@code ON_DEMAND} or {@code SPOT_WITH_FALLBACK}
   * (spot, falling back to on-demand when none is available).
   */
  @JsonProperty("availability")
  public abstract Optional<String> availability();

  /** The availability zone, e.g. {@code us-west-2a}, or {@code auto} to let the server choose. */
  @JsonProperty("zone_id")
  public abstract Optional<String> zoneId();

  /**
   * How many of the first nodes (the driver first) are on-demand whatever the availability; the
   * rest follow {@link #availability()}.
   */
  @JsonProperty("first_on_demand")
  public abstract OptionalInt firstOnDemand();

  /** The spot bid as a percentage of the on-demand price (100 by default on the server). */
  @JsonProperty("spot_bid_price_percent")
  public abstract OptionalInt spotBidPricePercent();

  /** The IAM instance profile the nodes run with. */
  @JsonProperty("instance_profile_arn")
  public abstract Optional<String> instanceProfileArn();

  /**
   * The EBS volume type added to each node: {@code GENERAL_PURPOSE_SSD} or
   * {@code THROUGHPUT_OPTIMIZED_HDD}.
   */
  @JsonProperty("ebs_volume_type")
  public abstract Optional<String> ebsVolumeType();

  /** How many EBS volumes each node gets. */
  @JsonProperty("ebs_volume_count")
  public abstract OptionalInt ebsVolumeCount();

  /** The size of each EBS volume, in GiB. */
  @JsonProperty("ebs_volume_size")
  public abstract OptionalInt ebsVolumeSize();

  /**
   * Rejects a spot bid below 1 percent; run by {@code build()}.
   *
   * @throws dev.kiln.core.error.InvalidRequestException if {@link #spotBidPricePercent()} is below
   *     1
   */
  @Value.Check
  protected void check() {
    if (spotBidPricePercent().isPresent() && spotBidPricePercent().getAsInt() < 1) {
      throw new InvalidRequestException("aws spotBidPricePercent must be positive, was " + spotBidPricePercent().getAsInt());
    }
  }
}
