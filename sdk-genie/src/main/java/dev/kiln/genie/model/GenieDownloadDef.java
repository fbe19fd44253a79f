package dev.kiln.genie.model;

import dev.kiln.sql.model.StatementResponse;
import dev.kiln.sql.model.StatementState;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One poll of a full query result download: the statement writing the files, once the server reports
 * it. The download's signature is not kept here (it authorizes reading the result).
 */
@Value.Immutable
abstract class GenieDownloadDef {
  /** The download's id, as returned when the download was started. */
  @Value.Parameter
  public abstract String downloadId();

  /** The statement behind the download, with EXTERNAL_LINKS once it SUCCEEDED; empty while it starts. */
  @Value.Parameter
  public abstract Optional<StatementResponse> statementResponse();

  /** The statement's state as sent; {@code "PENDING"} until the server reports a statement. */
  public String rawState() {
    return statementResponse().map(r -> r.status().rawState()).orElse(StatementState.PENDING.name());
  }

  /**
   * The typed state of {@link #rawState()}; {@code SUCCEEDED} means the result's files can be read.
   */
  public StatementState state() {
    return StatementState.fromWire(rawState());
  }
}
