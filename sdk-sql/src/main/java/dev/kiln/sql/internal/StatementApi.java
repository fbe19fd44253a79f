package dev.kiln.sql.internal;

import dev.kiln.core.ApiRequest;
import dev.kiln.core.BodyReader;
import dev.kiln.core.DatabricksClient;
import dev.kiln.sql.model.StatementRequest;
import dev.kiln.sql.model.StatementResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** The Statement Execution endpoints, one method per call; no state beyond the client. */
public final class StatementApi {
  static final String STATEMENTS = "/api/2.0/sql/statements";
  /** Server default for {@code wait_timeout} when the request leaves it out. */
  private static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);
  /** Room beyond the server-side wait for the answer to travel back. */
  private static final Duration SUBMIT_SLACK = Duration.ofSeconds(30);

  private final DatabricksClient db;

  public StatementApi(DatabricksClient db) {
    this.db = db;
  }

  public DatabricksClient client() {
    return db;
  }

  /** POST /statements/: not idempotent, so never re-sent after it may have reached the server. */
  public CompletableFuture<StatementResponse> submitAsync(StatementRequest request) {
    Duration wait = request.waitTimeout().orElse(DEFAULT_WAIT);
    ApiRequest call = ApiRequest.post(STATEMENTS + "/")
        .jsonBody(StatementRequestBody.of(request))
        .timeout(wait.plus(SUBMIT_SLACK)) // the server may hold the answer for the whole wait
        .build();
    return db.callAsync(call, StatementResponse.class);
  }

  public CompletableFuture<StatementResponse> getAsync(String statementId) {
    return db.callAsync(ApiRequest.get(statementPath(statementId)).build(), StatementResponse.class);
  }

  /** Acknowledgement only; the state turns CANCELED later. Safe to repeat. */
  public CompletableFuture<Void> cancelAsync(String statementId) {
    ApiRequest call = ApiRequest.post(statementPath(statementId) + "/cancel").idempotent(true).build();
    return db.sendAsync(call, BodyReader.discard()).thenApply(r -> null);
  }

  /** A chunk after the first: its links, or its inline rows parsed straight from the body. */
  CompletableFuture<ChunkAnswer> chunkAsync(String statementId, int chunkIndex) {
    ApiRequest call = ApiRequest.get(statementPath(statementId) + "/result/chunks/" + chunkIndex).build();
    return db.callAsync(call, ChunkAnswer.class);
  }

  private static String statementPath(String statementId) {
    return STATEMENTS + "/" + ApiRequest.segment(statementId);
  }
}
