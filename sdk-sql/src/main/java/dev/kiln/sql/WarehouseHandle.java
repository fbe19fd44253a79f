package dev.kiln.sql;

import dev.kiln.core.DatabricksClient;
import dev.kiln.core.OperationHandle;
import dev.kiln.core.spi.Poller;
import dev.kiln.sql.model.Warehouse;
import dev.kiln.sql.model.WarehouseState;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A SQL warehouse on its way to RUNNING (after start or create), observed by polling its
 * {@code GET}. {@link #await()} returns the running warehouse, or throws
 * {@link WarehouseUnavailableException} when it ends STOPPED, DELETING or DELETED; STARTING,
 * STOPPING and UNKNOWN keep it waiting, up to {@link SqlOptions#warehouseReadyTimeout()}.
 * {@link #cancel()} — and cancelling {@link #resultAsync()} — <b>stops the warehouse</b>.
 */
public final class WarehouseHandle extends OperationHandle<Warehouse, WarehouseState, Warehouse> {
  private WarehouseHandle(String id, Poller<Warehouse, Warehouse> poller) {
    super(id, poller, WarehouseState.class, Warehouse::rawState);
  }

  static WarehouseHandle start(DatabricksClient db, SqlOptions options, String id,
      Supplier<CompletableFuture<Warehouse>> get, Supplier<CompletableFuture<Void>> stop) {
    return new WarehouseHandle(id, Poller.<Warehouse, Warehouse>builder(db)
        .poll(get)
        .isTerminal(WarehouseHandle::isTerminal)
        .result(WarehouseHandle::resultOf)
        .cancel(stop)
        .statusOf(Warehouse::rawState)
        .initialDelay(options.warehousePollInitialDelay())
        .maxDelay(options.warehousePollMaxDelay())
        .multiplier(options.warehousePollMultiplier())
        .timeout(options.warehouseReadyTimeout())
        .description("SQL warehouse " + id)
        .start());
  }

  static boolean isTerminal(Warehouse w) {
    WarehouseState s = w.state();
    return s == WarehouseState.RUNNING || s == WarehouseState.STOPPED || s == WarehouseState.DELETING
        || s == WarehouseState.DELETED;
  }

  static Warehouse resultOf(Warehouse w) {
    if (w.state() == WarehouseState.RUNNING) {
      return w;
    }
    throw new WarehouseUnavailableException(w, "did not reach RUNNING");
  }

  /** The warehouse being waited for; the same as {@link #id()}. */
  public String warehouseId() {
    return id();
  }
}
