package dev.kiln.sql;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.core.ApiRequest;
import dev.kiln.core.BodyReader;
import dev.kiln.core.DatabricksClient;
import dev.kiln.core.Page;
import dev.kiln.core.PagedIterable;
import dev.kiln.core.error.DatabricksClientException;
import dev.kiln.core.error.InvalidStateException;
import dev.kiln.core.error.OperationTimeoutException;
import dev.kiln.core.spi.Args;
import dev.kiln.core.spi.Calls;
import dev.kiln.core.spi.ClientInternals;
import dev.kiln.core.spi.Futures;
import dev.kiln.core.spi.Poller;
import dev.kiln.sql.internal.WarehouseWire;
import dev.kiln.sql.model.Warehouse;
import dev.kiln.sql.model.WarehouseSpec;
import dev.kiln.sql.model.WarehouseState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * SQL warehouses ({@code /api/2.0/sql/warehouses}): list, get, create, edit, start, stop, and
 * {@link #ensureRunning} for code that needs a running warehouse. {@link #start} and
 * {@link #create} return a {@link WarehouseHandle} that waits for RUNNING. Thread-safe;
 * {@code SqlClient.warehouses()} gives one too.
 *
 * <pre>{@code
 * WarehousesClient warehouses = WarehousesClient.create(db);
 * Warehouse running = warehouses.start(warehouseId).await();
 * }</pre>
 */
public final class WarehousesClient {
  static final String WAREHOUSES = "/api/2.0/sql/warehouses";
  static final String WAREHOUSE = "/api/2.0/sql/warehouses/{id}";

  private final DatabricksClient db;
  private final SqlOptions options;
  private final Clock clock;

  private WarehousesClient(DatabricksClient db, SqlOptions options) {
    this.db = db;
    this.options = options;
    this.clock = ClientInternals.of(db).clock();
  }

  public static WarehousesClient create(DatabricksClient db) {
    return create(db, SqlOptions.defaults());
  }

  /** Polls warehouses with the options' {@code warehousePoll*} knobs and {@code warehouseReadyTimeout}. */
  public static WarehousesClient create(DatabricksClient db, SqlOptions options) {
    return new WarehousesClient(Args.notNull(db, "db"), Args.notNull(options, "options"));
  }

  public SqlOptions options() {
    return options;
  }

  /** Every warehouse the caller can see, fetched page by page as iterated (older servers send one page). */
  public PagedIterable<Warehouse> list() {
    return PagedIterable.of(token -> {
      WarehouseWire.ListPage page = db.call(ApiRequest.get(WAREHOUSES).query("page_token", token).build(),
          WarehouseWire.ListPage.class);
      return Page.of(page.warehouses, page.nextPageToken);
    });
  }

  public Warehouse get(String warehouseId) {
    return Calls.join(getAsync(warehouseId));
  }

  /** {@code GET /api/2.0/sql/warehouses/{id}}. */
  public CompletableFuture<Warehouse> getAsync(String warehouseId) {
    return Calls.async(() -> db.callAsync(ApiRequest.get(WAREHOUSE, Args.id(warehouseId, "warehouseId")).build(),
        Warehouse.class));
  }

  /** Starts a stopped warehouse and returns a handle that waits for RUNNING. */
  public WarehouseHandle start(String warehouseId) {
    return Calls.join(startAsync(warehouseId));
  }

  /** {@code POST /api/2.0/sql/warehouses/{id}/start}; completes once accepted, with the handle. */
  public CompletableFuture<WarehouseHandle> startAsync(String warehouseId) {
    return Calls.async(() -> {
      String id = Args.id(warehouseId, "warehouseId");
      return Futures.map(post(id, "start"), v -> handle(id));
    });
  }

  /** Stops the warehouse; returns once the stop was accepted (it is STOPPING, then STOPPED). */
  public void stop(String warehouseId) {
    Calls.join(stopAsync(warehouseId));
  }

  /** {@code POST /api/2.0/sql/warehouses/{id}/stop}; safe to repeat. */
  public CompletableFuture<Void> stopAsync(String warehouseId) {
    return Calls.async(() -> post(Args.id(warehouseId, "warehouseId"), "stop"));
  }

  /** Creates a warehouse (it starts at once) and returns a handle that waits for RUNNING. */
  public WarehouseHandle create(WarehouseSpec spec) {
    return Calls.join(createAsync(spec));
  }

  /** {@code POST /api/2.0/sql/warehouses} → {@code {id}}; not re-sent after it may have reached the server. */
  public CompletableFuture<WarehouseHandle> createAsync(WarehouseSpec spec) {
    return Calls.async(() -> {
      Args.notNull(spec, "spec");
      ApiRequest req = ApiRequest.post(WAREHOUSES).jsonBody(spec).build();
      return Futures.map(db.callAsync(req, WarehouseWire.Created.class), created -> {
        if (created.id == null || created.id.isEmpty()) {
          throw new DatabricksClientException("sql/warehouses create answered without an id");
        }
        return handle(created.id);
      });
    });
  }

  /** Replaces the warehouse's settings; a running warehouse applies them without stopping. */
  public void edit(String warehouseId, WarehouseSpec spec) {
    Calls.join(editAsync(warehouseId, spec));
  }

  /** {@code POST /api/2.0/sql/warehouses/{id}/edit} with the whole spec. */
  public CompletableFuture<Void> editAsync(String warehouseId, WarehouseSpec spec) {
    return Calls.async(() -> {
      String id = Args.id(warehouseId, "warehouseId");
      Args.notNull(spec, "spec");
      ObjectNode body = dev.kiln.core.Json.mapper().valueToTree(spec);
      ApiRequest req = ApiRequest.post(WAREHOUSE + "/edit", id).jsonBody(body).idempotent(true).build();
      return Futures.map(db.sendAsync(req, BodyReader.discard()), r -> (Void) null);
    });
  }

  /** A handle waiting for a warehouse someone already started; cancelling it stops the warehouse. */
  public WarehouseHandle handle(String warehouseId) {
    String id = Args.id(warehouseId, "warehouseId");
    return WarehouseHandle.start(db, options, id, () -> getAsync(id), () -> stopAsync(id));
  }

  /**
   * Waits until the warehouse is RUNNING: a STOPPED one is started, STARTING is waited out, STOPPING
   * is waited out and then started. Throws {@link WarehouseUnavailableException} for a deleted
   * warehouse or one that stops again while starting, {@code OperationTimeoutException} after
   * {@link SqlOptions#warehouseReadyTimeout()}.
   */
  public Warehouse ensureRunning(String warehouseId) {
    return Calls.join(ensureRunningAsync(warehouseId));
  }

  /** As {@link #ensureRunning(String)}; cancelling the future stops waiting (a start already sent stays). */
  public CompletableFuture<Warehouse> ensureRunningAsync(String warehouseId) {
    return Calls.async(() -> {
      String id = Args.id(warehouseId, "warehouseId");
      Instant deadline = clock.instant().plus(options.warehouseReadyTimeout());
      return ClientInternals.of(db).track(Futures.compose(getAsync(id), w -> decide(id, w, deadline, false)));
    });
  }

  private CompletableFuture<Warehouse> decide(String id, Warehouse w, Instant deadline, boolean startSent) {
    switch (w.state()) {
      case RUNNING:
        return CompletableFuture.completedFuture(w);
      case STOPPED:
        if (startSent) {
          return CompletableFuture.failedFuture(new WarehouseUnavailableException(w, "stopped while starting"));
        }
        // INVALID_STATE: someone else started it meanwhile, which is what we wanted.
        CompletableFuture<Void> start = post(id, "start");
        CompletableFuture<Void> accepted = Futures.propagateCancel(start.handle((v, e) -> {
          if (e != null && !(Futures.unwrap(e) instanceof InvalidStateException)) {
            throw new CompletionException(Futures.unwrap(e));
          }
          return null;
        }), start);
        return Futures.compose(accepted, v -> Futures.compose(getAsync(id), next -> decide(id, next, deadline, true)));
      case DELETING:
      case DELETED:
        return CompletableFuture.failedFuture(new WarehouseUnavailableException(w, "is deleted"));
      default: // STARTING, STOPPING, UNKNOWN: wait for the next steady state
        return Futures.compose(waitWhile(id, w.state(), deadline), next -> decide(id, next, deadline, startSent));
    }
  }

  private CompletableFuture<Warehouse> waitWhile(String id, WarehouseState state, Instant deadline) {
    Duration left = Duration.between(clock.instant(), deadline);
    if (left.isNegative() || left.isZero()) {
      return CompletableFuture.failedFuture(new OperationTimeoutException("SQL warehouse " + id + " did not reach RUNNING in time"));
    }
    return Poller.<Warehouse, Warehouse>builder(db)
        .poll(() -> getAsync(id))
        .isTerminal(w -> w.state() != state)
        .result(w -> w)
        .statusOf(Warehouse::rawState)
        .initialDelay(options.warehousePollInitialDelay())
        .maxDelay(options.warehousePollMaxDelay())
        .multiplier(options.warehousePollMultiplier())
        .timeout(left)
        .description("SQL warehouse " + id + " (waiting to leave " + state + ")")
        .start()
        .resultAsync();
  }

  /** start/stop: an empty JSON body, answered by {@code {}}. Stop is safe to repeat; start is not re-sent. */
  private CompletableFuture<Void> post(String id, String action) {
    ApiRequest req = ApiRequest.post(WAREHOUSE + "/" + action, id).jsonBody(java.util.Map.of())
        .idempotent(action.equals("stop")).build();
    return Futures.map(db.sendAsync(req, BodyReader.discard()), r -> (Void) null);
  }

  @Override
  public String toString() {
    return "WarehousesClient[" + db.host() + "]";
  }
}
