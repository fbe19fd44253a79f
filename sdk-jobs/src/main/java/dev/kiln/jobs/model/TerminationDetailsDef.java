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
  @JsonProperty("code")
  public abstract Optional<String> code();

  @JsonProperty("type")
  public abstract Optional<String> rawType();

  @JsonProperty("message")
  public abstract Optional<String> message();

  public TerminationType type() {
    return TerminationType.fromWire(rawType().orElse(null));
  }
}
