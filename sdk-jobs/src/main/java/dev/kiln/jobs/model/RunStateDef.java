package dev.kiln.jobs.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code state} of a run or task run: deprecated in 2.2 but still sent. */
@Value.Immutable
@JsonSerialize(as = RunState.class)
@JsonDeserialize(as = RunState.class)
abstract class RunStateDef {
  @JsonProperty("life_cycle_state")
  public abstract Optional<String> rawLifeCycleState();

  @JsonProperty("result_state")
  public abstract Optional<String> rawResultState();

  @JsonProperty("state_message")
  public abstract Optional<String> stateMessage();

  @JsonProperty("user_cancelled_or_timedout")
  public abstract Optional<Boolean> userCancelledOrTimedout();

  @JsonProperty("queue_reason")
  public abstract Optional<String> queueReason();

  public RunLifeCycleState lifeCycleState() {
    return RunLifeCycleState.fromWire(rawLifeCycleState().orElse(null));
  }

  /** Absent until the run is terminal. */
  public Optional<RunResultState> resultState() {
    return rawResultState().map(RunResultState::fromWire);
  }
}
