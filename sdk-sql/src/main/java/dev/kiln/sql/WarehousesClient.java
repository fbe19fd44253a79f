package dev.kiln.sql;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.core.ApiRequest;
import dev.kiln.core.BodyReader;
import dev.kiln.core.DatabricksClient;
import dev.kiln.core.Page;
import dev.kiln.core.PagedIterable;
import dev.kiln.core.error.DatabricksClientException;
import dev.kiln.core.spi.Args;
import dev.kiln.core.spi.Calls;
import dev.kiln.core.spi.ClientInternals;
import dev.kiln.core.spi.Futures;
import dev.kiln.core.spi.Readiness;
import dev.kiln.sql.internal.WarehouseWire;
import dev.kiln.sql.model.Warehouse;
import dev.kiln.sql.model.WarehouseSpec;
import java.util.concurrent.CompletableFuture;

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

  private WarehousesClient(DatabricksClient db, SqlOptions options) {
    this.db = db;
    this.options = options;
  }

  /**
   * A client with {@link SqlOptions#defaults()}; {@code SqlClient.warehouses()} gives one too.
   *
   * @param db the workspace client
   * @return the new client
   * @throws dev.kiln.core.error.InvalidRequestException if {@code db} is null
   */
  public static WarehousesClient create(DatabricksClient db) {
    return create(db, SqlOptions.defaults());
  }

  /** Polls warehouses with the options' {@code warehousePoll*} knobs and {@code warehouseReadyTimeout}. */
  public static WarehousesClient create(DatabricksClient db, SqlOptions options) {
    return new WarehousesClient(Args.notNull(db, "db"), Args.notNull(options, "options"));
  }

  /** The options this client was created with. */
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

  /**
   * Reads one warehouse: its configuration, state and health; blocking form of
   * {@link #getAsync(String)}.
   *
   * @param warehouseId the warehouse's id
   * @return the warehouse as the server describes it now
   * @throws dev.kiln.core.error.InvalidRequestException for a null or blank id
   */
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
      Readiness<Warehouse> readiness = new Readiness<>(db, () -> getAsync(id), () -> post(id, "start"),
          WarehousesClient::decide, Warehouse::rawState, options.warehousePollInitialDelay(),
          options.warehousePollMaxDelay(), options.warehousePollMultiplier(), "SQL warehouse " + id);
      return ClientInternals.of(db).track(readiness.await(options.warehouseReadyTimeout()));
    });
  }

  private static Readiness.Step decide(Warehouse w, boolean startSent) {
    switch (w.state()) {
      case RUNNING:
        return Readiness.Step.ready();
      case STOPPED:
        return startSent ? Readiness.Step.fail(new WarehouseUnavailableException(w, "stopped while starting"))
            : Readiness.Step.start();
      case DELETING:
      case DELETED:
        return Readiness.Step.fail(new WarehouseUnavailableException(w, "is deleted"));
      default: // STARTING, STOPPING, UNKNOWN: wait for the next steady state
        return Readiness.Step.waitWhile(w.state());
    }
  }

  /** start/stop: an empty JSON body, answered by {@code {}}. Stop is safe to repeat; start is not re-sent. */
  private CompletableFuture<Void> post(String id, String action) {
    ApiRequest req = ApiRequest.post(WAREHOUSE + "/" + action, id).jsonBody(java.util.Map.of())
        .idempotent(action.equals("stop")).build();
    return Futures.map(db.sendAsync(req, BodyReader.discard()), r -> (Void) null);
  }

  /** The workspace host, for logs. */
  @Override
  public String toString() {
    return "WarehousesClient[" + db.host() + "]";
  }
}
