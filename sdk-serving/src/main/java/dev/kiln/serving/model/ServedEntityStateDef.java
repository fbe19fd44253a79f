package dev.kiln.serving.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** Deployment state of one served entity, e.g. {@code DEPLOYMENT_READY} or {@code DEPLOYMENT_FAILED}. */
@Value.Immutable
@JsonSerialize(as = ServedEntityState.class)
@JsonDeserialize(as = ServedEntityState.class)
abstract class ServedEntityStateDef {
  /** {@code deployment} as sent (kept as text: the set of values keeps growing). */
  @JsonProperty("deployment")
  public abstract Optional<String> deployment();

  /**
   * The server's explanation of the deployment state, e.g. why it failed; empty when it gave none.
   */
  @JsonProperty("deployment_state_message")
  public abstract Optional<String> deploymentStateMessage();
}
