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

  private final WarehouseState state;
  private final String rawState;
  private final transient WarehouseHealth health;

  public WarehouseUnavailableException(Warehouse warehouse, String what) {
    super("SQL warehouse " + warehouse.id() + " " + what + " (state " + warehouse.rawState() + ")"
        + warehouse.health().flatMap(h -> h.summary().or(h::message)).filter(m -> !m.isBlank()).map(m -> ": " + m).orElse(""),
        warehouse.id());
    this.state = warehouse.state();
    this.rawState = warehouse.rawState();
    this.health = warehouse.health().orElse(null);
  }

  public String warehouseId() {
    return operationId();
  }

  public WarehouseState state() {
    return state;
  }

  public String rawState() {
    return rawState;
  }

  public Optional<WarehouseHealth> health() {
    return Optional.ofNullable(health);
  }
}
