package dev.kiln.jobs.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code status.queue_details}: why a run waits in the queue. */
@Value.Immutable
@JsonSerialize(as = QueueDetails.class)
@JsonDeserialize(as = QueueDetails.class)
abstract class QueueDetailsDef {
  /** Why the run is queued ({@code code}), e.g. {@code ACTIVE_RUNS_LIMIT_REACHED}; an open set. */
  @JsonProperty("code")
  public abstract Optional<String> code();

  /** The server's explanation of the wait ({@code message}). */
  @JsonProperty("message")
  public abstract Optional<String> message();
}
