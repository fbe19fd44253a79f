package dev.kiln.sql.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** How a warehouse is doing ({@code health}): HEALTHY, DEGRADED or FAILED, and why. */
@Value.Immutable
@JsonSerialize(as = WarehouseHealth.class)
@JsonDeserialize(as = WarehouseHealth.class)
abstract class WarehouseHealthDef {
  /** {@code HEALTHY}, {@code DEGRADED} or {@code FAILED}, as sent. */
  @JsonProperty("status")
  public abstract Optional<String> status();

  /** The server's explanation of the status, when it is not HEALTHY. */
  @JsonProperty("message")
  public abstract Optional<String> message();

  /** A short summary of the problem, for display. */
  @JsonProperty("summary")
  public abstract Optional<String> summary();

  /** {@code {code, type, parameters}} of a failure, as sent. */
  @JsonProperty("failure_reason")
  public abstract Optional<JsonNode> failureReason();
}
