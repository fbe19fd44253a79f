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
  @JsonProperty("state")
  public abstract Optional<String> rawState();

  @JsonProperty("termination_details")
  public abstract Optional<TerminationDetails> terminationDetails();

  @JsonProperty("queue_details")
  public abstract Optional<QueueDetails> queueDetails();

  public RunStatusState state() {
    return RunStatusState.fromWire(rawState().orElse(null));
  }
}
