package dev.kiln.jobs.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code status} of a run (Jobs 2.2): the state, and once terminated the termination details. */
@Value.Immutable
@JsonSerialize(as = RunStatus.class)
@JsonDeserialize(as = RunStatus.class)
abstract class RunStatusDef {
  /** {@code state} exactly as sent; {@link #state()} is its enum. */
  @JsonProperty("state")
  public abstract Optional<String> rawState();

  /** Why the run ended ({@code termination_details}), once it is terminated. */
  @JsonProperty("termination_details")
  public abstract Optional<TerminationDetails> terminationDetails();

  /** Why the run waits ({@code queue_details}), while it is queued. */
  @JsonProperty("queue_details")
  public abstract Optional<QueueDetails> queueDetails();

  /** The run's state; {@link RunStatusState#UNKNOWN} when absent or not known to this SDK. */
  public RunStatusState state() {
    return RunStatusState.fromWire(rawState().orElse(null));
  }
}
