package dev.kiln.execution.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Why a cluster stopped ({@code termination_reason}). {@code code} has some 190 values (USER_REQUEST,
 * INACTIVITY, CLOUD_PROVIDER_LAUNCH_FAILURE, ...), kept as text.
 */
@Value.Immutable
@JsonSerialize(as = TerminationReason.class)
@JsonDeserialize(as = TerminationReason.class)
abstract class TerminationReasonDef {
  /**
   * What ended the cluster, as sent, e.g. {@code USER_REQUEST}, {@code INACTIVITY} or
   * {@code CLOUD_PROVIDER_LAUNCH_FAILURE}.
   */
  @JsonProperty("code")
  public abstract Optional<String> code();

  /** Whose fault it was, exactly as sent ({@code type}); {@link #type()} is the typed form. */
  @JsonProperty("type")
  public abstract Optional<String> rawType();

  /** Details by name, e.g. {@code inactivity_duration_min} or {@code databricks_error_message}. */
  @JsonProperty("parameters")
  public abstract Map<String, String> parameters();

  /**
   * The typed fault; {@code UNKNOWN} when none was sent or for a type this SDK version does not
   * know.
   */
  @JsonIgnore
  public TerminationType type() {
    return TerminationType.fromWire(rawType().orElse(null));
  }

  /** "CLOUD_PROVIDER_LAUNCH_FAILURE (CLOUD_FAILURE): key=value, ..." for messages. */
  @JsonIgnore
  public String describe() {
    StringBuilder s = new StringBuilder(code().orElse("UNKNOWN"));
    rawType().ifPresent(t -> s.append(" (").append(t).append(')'));
    if (!parameters().isEmpty()) {
      s.append(": ");
      parameters().forEach((k, v) -> s.append(k).append('=').append(v).append(", "));
      s.setLength(s.length() - 2);
    }
    return s.toString();
  }
}
