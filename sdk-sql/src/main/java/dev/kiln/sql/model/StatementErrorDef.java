package dev.kiln.sql.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code status.error} of a failed statement. */
@Value.Immutable
@JsonSerialize(as = StatementError.class)
@JsonDeserialize(as = StatementError.class)
abstract class StatementErrorDef {
  /** E.g. {@code BAD_REQUEST}, as sent. */
  @JsonProperty("error_code")
  public abstract Optional<String> errorCode();

  /**
   * The server's error message, e.g.
   * {@code [TABLE_OR_VIEW_NOT_FOUND] The table or view ... cannot be found}.
   */
  @JsonProperty("message")
  public abstract Optional<String> message();
}
