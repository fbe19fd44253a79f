package dev.kiln.genie.internal;

import dev.kiln.core.ApiRequest;
import dev.kiln.core.DatabricksClient;
import dev.kiln.core.Page;
import dev.kiln.core.error.DatabricksClientException;
import dev.kiln.core.spi.Futures;
import dev.kiln.genie.model.GenieConversation;
import dev.kiln.genie.model.GenieMessage;
import dev.kiln.genie.model.GenieSpace;
import dev.kiln.sql.model.StatementResponse;
import java.util.concurrent.CompletableFuture;

/**
 * The Genie endpoints, one method per call; no state beyond the client. Internal: use
 * {@code GenieClient}.
 */
public final class GenieApi {
  static final String SPACES = "/api/2.0/genie/spaces";
  // ids go in through ApiRequest's templates: checked (no '.'/'..') and percent-encoded
  static final String SPACE = SPACES + "/{space_id}";
  static final String CONVERSATION = SPACE + "/conversations/{conversation_id}";
  static final String MESSAGE = CONVERSATION + "/messages/{message_id}";
  static final String ATTACHMENT = MESSAGE + "/attachments/{attachment_id}";

  private final DatabricksClient db;

  public GenieApi(DatabricksClient db) {
    this.db = db;
  }

  public DatabricksClient client() {
    return db;
  }

  /** One page of spaces; {@code pageSize} and {@code pageToken} are left out when null. */
  public Page<GenieSpace> spacesPage(Integer pageSize, String pageToken) {
    ApiRequest call = ApiRequest.get(SPACES)
        .query("page_size", pageSize)
        .query("page_token", pageToken)
        .build();
    return db.call(call, SpacesPage.class).toPage();
  }

  public CompletableFuture<GenieSpace> getSpaceAsync(String spaceId) {
    return db.callAsync(ApiRequest.get(SPACE, spaceId).build(), GenieSpace.class);
  }

  public Page<GenieConversation> conversationsPage(String spaceId, Integer pageSize, String pageToken) {
    ApiRequest call = ApiRequest.get(SPACE + "/conversations", spaceId)
        .query("page_size", pageSize)
        .query("page_token", pageToken)
        .build();
    return db.call(call, ConversationsPage.class).toPage();
  }

  /** Not idempotent: a repeated POST would ask the question twice, so core never re-sends it. */
  public CompletableFuture<StartConversationResponse> startConversationAsync(String spaceId, String question) {
    ApiRequest call = ApiRequest.post(SPACE + "/start-conversation", spaceId)
        .jsonBody(new MessageContent(question))
        .build();
    return db.callAsync(call, StartConversationResponse.class);
  }

  /** Not idempotent, like {@link #startConversationAsync}. */
  public CompletableFuture<GenieMessage> createMessageAsync(String spaceId, String conversationId, String question) {
    ApiRequest call = ApiRequest.post(CONVERSATION + "/messages", spaceId, conversationId)
        .jsonBody(new MessageContent(question))
        .build();
    return db.callAsync(call, GenieMessage.class);
  }

  public CompletableFuture<GenieMessage> getMessageAsync(String spaceId, String conversationId, String messageId) {
    ApiRequest call = ApiRequest.get(MESSAGE, spaceId, conversationId, messageId).build();
    return db.callAsync(call, GenieMessage.class);
  }

  /** The statement behind a query attachment, in whatever state it is. */
  public CompletableFuture<StatementResponse> queryResultAsync(
      String spaceId, String conversationId, String messageId, String attachmentId) {
    ApiRequest call = ApiRequest.get(ATTACHMENT + "/query-result", spaceId, conversationId, messageId, attachmentId)
        .build();
    return Futures.map(db.callAsync(call, QueryResultResponse.class), r -> statementOf(r, call));
  }

  /**
   * Runs the attachment's query again. Marked idempotent: a repeat only re-runs the same read-only
   * query, which beats failing on a transient 5xx.
   */
  public CompletableFuture<StatementResponse> executeQueryAsync(
      String spaceId, String conversationId, String messageId, String attachmentId) {
    ApiRequest call = ApiRequest.post(ATTACHMENT + "/execute-query", spaceId, conversationId, messageId, attachmentId)
        .idempotent(true)
        .build();
    return Futures.map(db.callAsync(call, QueryResultResponse.class), r -> statementOf(r, call));
  }

  private static StatementResponse statementOf(QueryResultResponse r, ApiRequest call) {
    if (r == null || r.statementResponse() == null) {
      throw new DatabricksClientException("the answer of " + call.path() + " carried no statement_response");
    }
    return r.statementResponse();
  }
}
