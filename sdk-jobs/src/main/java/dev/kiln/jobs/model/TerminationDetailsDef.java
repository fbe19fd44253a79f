package dev.kiln.jobs.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code status.termination_details}: why a run ended. {@code code} is open (SUCCESS, USER_CANCELED, RUN_EXECUTION_ERROR, ...). */
@Value.Immutable
@JsonSerialize(as = TerminationDetails.class)
@JsonDeserialize(as = TerminationDetails.class)
abstract class TerminationDetailsDef {
  /**
   * Why the run ended ({@code code}), e.g. {@code SUCCESS}, {@code USER_CANCELED},
   * {@code RUN_EXECUTION_ERROR}; an open set.
   */
  @JsonProperty("code")
  public abstract Optional<String> code();

  /** {@code type} exactly as sent; {@link #type()} is its enum. */
  @JsonProperty("type")
  public abstract Optional<String> rawType();

  /** The server's explanation of the end ({@code message}). */
  @JsonProperty("message")
  public abstract Optional<String> message();

  /**
   * Who or what ended the run; {@link TerminationType#UNKNOWN} when absent or not known to this
   * SDK.
   */
  public TerminationType type() {
    return TerminationType.fromWire(rawType().orElse(null));
  }
}
