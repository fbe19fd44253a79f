package dev.kiln.sql.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code status}: the state, and for a failed statement the error and SQLSTATE. */
@Value.Immutable
@JsonSerialize(as = StatementStatus.class)
@JsonDeserialize(as = StatementStatus.class)
abstract class StatementStatusDef {
  /** The state exactly as sent, kept for states newer than this SDK. */
  @JsonProperty("state")
  public abstract String rawState();

  /** Why the statement failed; present when the state is FAILED. */
  @JsonProperty("error")
  public abstract Optional<StatementError> error();

  /** The SQLSTATE of a failure, e.g. {@code 42P01}. */
  @JsonProperty("sql_state")
  public abstract Optional<String> sqlState();

  /** The state; {@code UNKNOWN} for a state newer than this SDK (see {@link #rawState()}). */
  @JsonIgnore
  public StatementState state() {
    return StatementState.fromWire(rawState());
  }
}
