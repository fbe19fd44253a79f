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
  /** {@code life_cycle_state} exactly as sent; {@link #lifeCycleState()} is its enum. */
  @JsonProperty("life_cycle_state")
  public abstract Optional<String> rawLifeCycleState();

  /** {@code result_state} exactly as sent, once the run is terminal. */
  @JsonProperty("result_state")
  public abstract Optional<String> rawResultState();

  /**
   * The server's explanation of the state ({@code state_message}); often empty while all is well.
   */
  @JsonProperty("state_message")
  public abstract Optional<String> stateMessage();

  /** Whether a user cancelled the run or it timed out ({@code user_cancelled_or_timedout}). */
  @JsonProperty("user_cancelled_or_timedout")
  public abstract Optional<Boolean> userCancelledOrTimedout();

  /** Why the run is queued ({@code queue_reason}), while it is. */
  @JsonProperty("queue_reason")
  public abstract Optional<String> queueReason();

  /**
   * The life-cycle state; {@link RunLifeCycleState#UNKNOWN} when absent or not known to this SDK.
   */
  public RunLifeCycleState lifeCycleState() {
    return RunLifeCycleState.fromWire(rawLifeCycleState().orElse(null));
  }

  /** Absent until the run is terminal. */
  public Optional<RunResultState> resultState() {
    return rawResultState().map(RunResultState::fromWire);
  }
}
