package dev.kiln.genie.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** Why a message failed: {@code {error, type}}. */
@Value.Immutable
@JsonSerialize(as = GenieMessageError.class)
@JsonDeserialize(as = GenieMessageError.class)
abstract class GenieMessageErrorDef {
  /** The error text. */
  @JsonProperty("error")
  public abstract Optional<String> error();

  /**
   * The error type exactly as sent (e.g. {@code GENERIC_SQL_EXEC_EXCEPTION}); kept as text because
   * the server adds types often.
   */
  @JsonProperty("type")
  public abstract Optional<String> type();
}
