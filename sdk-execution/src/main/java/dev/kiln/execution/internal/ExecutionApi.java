package dev.kiln.execution.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.kiln.core.ApiRequest;
import dev.kiln.core.BodyReader;
import dev.kiln.core.DatabricksClient;
import dev.kiln.core.spi.Futures;
import dev.kiln.core.Json;
import dev.kiln.core.error.DatabricksClientException;
import dev.kiln.execution.model.Language;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * The six API 1.2 endpoints, one async call each. API 1.2 takes ids as query parameters or in
 * JSON bodies, never in the path; cluster ids are checked by the public methods, context and
 * command ids come from the server. Not for users.
 */
public final class ExecutionApi {
  /**
   * Reads command results keeping decimals exact: the shared mapper would turn 0.10 into a double,
   * and a normalizing node factory would turn 100.0 into 1E+2. An exact node factory (not
   * JsonNodeFeature, which Jackson before 2.14 lacks) keeps the sent scale on every supported Jackson.
   */
  private static final ObjectReader COMMAND_STATUS = Json.mapper().reader()
      .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .with(new JsonNodeFactory(true))
      .forType(ExecutionWire.CommandStatus.class);

  private final DatabricksClient db;

  public ExecutionApi(DatabricksClient db) {
    this.db = db;
  }

  public CompletableFuture<String> createContext(String clusterId, Language language) {
    ApiRequest req = ApiRequest.post("/api/1.2/contexts/create")
        .jsonBody(new ExecutionWire.CreateContext(language.wireValue(), clusterId))
        .build();
    return Futures.map(db.callAsync(req, ExecutionWire.Created.class), c -> requireId(c, "contexts/create"));
  }

  public CompletableFuture<ExecutionWire.ContextStatus> contextStatus(String clusterId, String contextId) {
    ApiRequest req = ApiRequest.get("/api/1.2/contexts/status")
        .query("clusterId", clusterId)
        .query("contextId", contextId)
        .build();
    return db.callAsync(req, ExecutionWire.ContextStatus.class);
  }

  /** Destroying twice is harmless, so the request may be retried after an unclear failure. */
  public CompletableFuture<Void> destroyContext(String clusterId, String contextId) {
    ApiRequest req = ApiRequest.post("/api/1.2/contexts/destroy")
        .jsonBody(new ExecutionWire.ContextRef(clusterId, contextId))
        .idempotent(true)
        .build();
    return Futures.map(db.sendAsync(req, BodyReader.discard()), r -> (Void) null);
  }

  public CompletableFuture<String> executeCommand(String clusterId, String contextId, Language language, String command) {
    ApiRequest req = ApiRequest.post("/api/1.2/commands/execute")
        .jsonBody(new ExecutionWire.ExecuteCommand(language.wireValue(), clusterId, contextId, command))
        .build();
    return Futures.map(db.callAsync(req, ExecutionWire.Created.class), c -> requireId(c, "commands/execute"));
  }

  public CompletableFuture<ExecutionWire.CommandStatus> commandStatus(String clusterId, String contextId, String commandId) {
    ApiRequest req = ApiRequest.get("/api/1.2/commands/status")
        .query("clusterId", clusterId)
        .query("contextId", contextId)
        .query("commandId", commandId)
        .build();
    // map, not thenApply: a poll abandoned by the Poller then abandons its HTTP request too
    return Futures.map(db.sendAsync(req, BodyReader.bytes()), r -> readCommandStatus(r.body()));
  }

  /** Cancelling twice is harmless, so the request may be retried after an unclear failure. */
  public CompletableFuture<Void> cancelCommand(String clusterId, String contextId, String commandId) {
    ApiRequest req = ApiRequest.post("/api/1.2/commands/cancel")
        .jsonBody(new ExecutionWire.CommandRef(clusterId, contextId, commandId))
        .idempotent(true)
        .build();
    return Futures.map(db.sendAsync(req, BodyReader.discard()), r -> (Void) null);
  }

  private static ExecutionWire.CommandStatus readCommandStatus(byte[] body) {
    try {
      return COMMAND_STATUS.readValue(body.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : body);
    } catch (IOException e) {
      throw new DatabricksClientException("could not read the command status: " + e.getMessage(), e);
    }
  }

  private static String requireId(ExecutionWire.Created created, String endpoint) {
    if (created.id == null || created.id.isEmpty()) {
      throw new DatabricksClientException(endpoint + " answered without an id");
    }
    return created.id;
  }
}
