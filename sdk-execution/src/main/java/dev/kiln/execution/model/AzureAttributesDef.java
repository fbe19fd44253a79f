package dev.kiln.execution.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.kiln.core.error.InvalidRequestException;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * Azure placement of a cluster's nodes ({@code azure_attributes}). {@code availability} is
 * ON_DEMAND_AZURE, SPOT_AZURE or SPOT_WITH_FALLBACK_AZURE; {@code spotBidMaxPrice} -1 (the server's
 * default) evicts only for capacity, any other value must be above 0.
 */
@Value.Immutable
@JsonSerialize(as = AzureAttributes.class)
@JsonDeserialize(as = AzureAttributes.class)
abstract class AzureAttributesDef {
  /**
   * How nodes are bought, as sent: {@code ON_DEMAND_AZURE}, {@code SPOT_AZURE} or
   * {@code SPOT_WITH_FALLBACK_AZURE}.
   */
  @JsonProperty("availability")
  public abstract Optional<String> availability();

  /** How many of the first nodes (the driver first) are on-demand. */
  @JsonProperty("first_on_demand")
  public abstract OptionalInt firstOnDemand();

  /**
   * The highest price paid for a spot node, in US dollars per hour; -1 (the server's default) pays
   * up to the on-demand price and evicts only for capacity.
   */
  @JsonProperty("spot_bid_max_price")
  public abstract OptionalDouble spotBidMaxPrice();

  /**
   * Rejects values the server would; run by {@code build()}.
   *
   * @throws dev.kiln.core.error.InvalidRequestException for a spot bid that is neither -1 nor above
   *     0, or a negative {@code firstOnDemand}
   */
  @Value.Check
  protected void check() {
    if (spotBidMaxPrice().isPresent()) {
      double price = spotBidMaxPrice().getAsDouble();
      if (price != -1 && !(price > 0)) {
        throw new InvalidRequestException("azure spotBidMaxPrice must be -1 (evict only for capacity) or above 0, was " + price);
      }
    }
    if (firstOnDemand().isPresent() && firstOnDemand().getAsInt() < 0) {
      throw new InvalidRequestException("azure firstOnDemand must not be negative, was " + firstOnDemand().getAsInt());
    }
  }
}
