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
  @JsonProperty("availability")
  public abstract Optional<String> availability();

  /** How many of the first nodes (the driver first) are on-demand. */
  @JsonProperty("first_on_demand")
  public abstract OptionalInt firstOnDemand();

  @JsonProperty("spot_bid_max_price")
  public abstract OptionalDouble spotBidMaxPrice();

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
