package dev.kiln.jobs.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** {@code queue}: whether a run that cannot start yet waits (queued) instead of being skipped. */
@Value.Immutable
@JsonSerialize(as = QueueSettings.class)
@JsonDeserialize(as = QueueSettings.class)
abstract class QueueSettingsDef {
  /**
   * Whether runs that cannot start yet wait in the queue ({@code enabled}) instead of being
   * skipped.
   */
  @JsonProperty("enabled")
  public abstract boolean enabled();
}
