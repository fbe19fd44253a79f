package dev.kiln.sql.internal;

import dev.kiln.core.ApiRequest;
import dev.kiln.core.BodyReader;
import dev.kiln.core.DatabricksClient;
import dev.kiln.core.spi.ClientInternals;
import dev.kiln.core.spi.Futures;
import dev.kiln.sql.model.StatementRequest;
import dev.kiln.sql.model.StatementResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** The Statement Execution endpoints, one method per call; no state beyond the client. */
public final class StatementApi {
  static final String STATEMENTS = "/api/2.0/sql/statements/";
  static final String STATEMENT = "/api/2.0/sql/statements/{statement_id}";
  static final String CANCEL = "/api/2.0/sql/statements/{statement_id}/cancel";
  static final String CHUNK = "/api/2.0/sql/statements/{statement_id}/result/chunks/{chunk_index}";
  /** The server's {@code wait_timeout} when the request leaves it out (a protocol fact, not a knob). */
  private static final Duration SERVER_DEFAULT_WAIT = Duration.ofSeconds(10);

  private final DatabricksClient db;
  private final ClientInternals internals;
  private final Duration submitTimeoutMargin;

  public StatementApi(DatabricksClient db, Duration submitTimeoutMargin) {
    this.db = db;
    this.internals = ClientInternals.of(db);
    this.submitTimeoutMargin = submitTimeoutMargin;
  }

  public DatabricksClient client() {
    return db;
  }

  public ClientInternals internals() {
    return internals;
  }

  /** POST /statements/: not idempotent, so never re-sent after it may have reached the server. */
  public CompletableFuture<StatementResponse> submitAsync(StatementRequest request) {
    Duration wait = request.waitTimeout().orElse(SERVER_DEFAULT_WAIT);
    ApiRequest call = ApiRequest.post(STATEMENTS)
        .jsonBody(StatementRequestBody.of(request))
        .timeout(wait.plus(submitTimeoutMargin)) // the server may hold the answer for the whole wait
        .build();
    return db.callAsync(call, StatementResponse.class);
  }

  public CompletableFuture<StatementResponse> getAsync(String statementId) {
    return db.callAsync(ApiRequest.get(STATEMENT, statementId).build(), StatementResponse.class);
  }

  /** Acknowledgement only; the state turns CANCELED later. Safe to repeat. */
  public CompletableFuture<Void> cancelAsync(String statementId) {
    ApiRequest call = ApiRequest.post(CANCEL, statementId).idempotent(true).build();
    return Futures.map(db.sendAsync(call, BodyReader.discard()), r -> null);
  }

  /**
   * A chunk after the first: its links, or its inline rows parsed straight from the body. Read by
   * core's JSON body reader, so the client's read timeout bounds a body that stalls. Blocking: the chunk
   * loader asks on a worker thread, which skips the JDK client's hop through the common pool per async answer.
   */
  ChunkAnswer chunk(String statementId, int chunkIndex) {
    return db.call(ApiRequest.get(CHUNK, statementId, Integer.toString(chunkIndex)).build(), ChunkAnswer.class);
  }
}
