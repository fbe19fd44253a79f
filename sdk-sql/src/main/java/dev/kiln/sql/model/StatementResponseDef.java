package dev.kiln.sql.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A statement as the server reports it (submit, poll, and Genie's {@code statement_response}):
 * id, status, and once it succeeded the manifest and the first result chunk. Read it with
 * {@code Json.mapper().readValue(json, StatementResponse.class)}.
 */
@Value.Immutable
@JsonSerialize(as = StatementResponse.class)
@JsonDeserialize(as = StatementResponse.class)
abstract class StatementResponseDef {
  /** The statement's id ({@code statement_id}), used to poll, fetch chunks and cancel. */
  @JsonProperty("statement_id")
  public abstract String statementId();

  /**
   * The state and, for a failure, the error; state {@code UNKNOWN} when the server sent no status.
   */
  @JsonProperty("status")
  @Value.Default
  public StatementStatus status() {
    return StatementStatus.builder().rawState("UNKNOWN").build();
  }

  /** Schema, row and chunk counts; present once the statement succeeded. */
  @JsonProperty("manifest")
  public abstract Optional<ResultManifest> manifest();

  /** The first chunk: inline rows or external links. */
  @JsonProperty("result")
  public abstract Optional<ResultData> result();

  /** Shortcut for {@code status().state()}. */
  @JsonIgnore
  public StatementState state() {
    return status().state();
  }
}
