package dev.kiln.sql;

import dev.kiln.core.error.OperationFailedException;
import dev.kiln.sql.model.Warehouse;
import dev.kiln.sql.model.WarehouseHealth;
import dev.kiln.sql.model.WarehouseState;
import java.util.Optional;

/**
 * A SQL warehouse did not reach RUNNING: it stopped while starting, or it is being deleted.
 * {@link #operationId()} is the warehouse id; {@link #health()} carries the server's explanation.
 */
public class WarehouseUnavailableException extends OperationFailedException {
  private static final long serialVersionUID = 1L;

  /** The typed state when waiting gave up. */
  private final WarehouseState state;
  /** The state as sent. */
  private final String rawState;
  private final transient WarehouseHealth health;

  /**
   * Creates the exception from the warehouse as last read; its state and health summary go into the
   * message.
   *
   * @param warehouse the warehouse as last read, not null
   * @param what what went wrong, read after "SQL warehouse &lt;id&gt;", e.g.
   *     {@code "did not reach RUNNING"}
   */
  public WarehouseUnavailableException(Warehouse warehouse, String what) {
    super("SQL warehouse " + warehouse.id() + " " + what + " (state " + warehouse.rawState() + ")"
        + warehouse.health().flatMap(h -> h.summary().or(h::message)).filter(m -> !m.isBlank()).map(m -> ": " + m).orElse(""),
        warehouse.id());
    this.state = warehouse.state();
    this.rawState = warehouse.rawState();
    this.health = warehouse.health().orElse(null);
  }

  /** The warehouse that did not become RUNNING; also {@link #operationId()}. */
  public String warehouseId() {
    return operationId();
  }

  /** The warehouse's state when waiting gave up, e.g. {@code STOPPED} or {@code DELETING}. */
  public WarehouseState state() {
    return state;
  }

  /** The state exactly as the server sent it (useful when {@link #state()} is {@code UNKNOWN}). */
  public String rawState() {
    return rawState;
  }

  /** The server's health report (status, message, failure reason), when it sent one. */
  public Optional<WarehouseHealth> health() {
    return Optional.ofNullable(health);
  }
}
