package dev.kiln.genie.internal;

import dev.kiln.core.ApiRequest;
import dev.kiln.core.DatabricksClient;
import dev.kiln.core.Page;
import dev.kiln.core.error.DatabricksClientException;
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
        .query("page_size", pageSize == null ? null : pageSize.toString())
        .query("page_token", pageToken)
        .build();
    return db.call(call, SpacesPage.class).toPage();
  }

  public GenieSpace getSpace(String spaceId) {
    return db.call(ApiRequest.get(spacePath(spaceId)).build(), GenieSpace.class);
  }

  public Page<GenieConversation> conversationsPage(String spaceId, Integer pageSize, String pageToken) {
    ApiRequest call = ApiRequest.get(spacePath(spaceId) + "/conversations")
        .query("page_size", pageSize == null ? null : pageSize.toString())
        .query("page_token", pageToken)
        .build();
    return db.call(call, ConversationsPage.class).toPage();
  }

  /** Not idempotent: a repeated POST would ask the question twice, so core never re-sends it. */
  public CompletableFuture<StartConversationResponse> startConversationAsync(String spaceId, String question) {
    ApiRequest call = ApiRequest.post(spacePath(spaceId) + "/start-conversation")
        .jsonBody(new MessageContent(question))
        .build();
    return db.callAsync(call, StartConversationResponse.class);
  }

  /** Not idempotent, like {@link #startConversationAsync}. */
  public CompletableFuture<GenieMessage> createMessageAsync(String spaceId, String conversationId, String question) {
    ApiRequest call = ApiRequest.post(conversationPath(spaceId, conversationId) + "/messages")
        .jsonBody(new MessageContent(question))
        .build();
    return db.callAsync(call, GenieMessage.class);
  }

  public CompletableFuture<GenieMessage> getMessageAsync(String spaceId, String conversationId, String messageId) {
    ApiRequest call = ApiRequest.get(messagePath(spaceId, conversationId, messageId)).build();
    return db.callAsync(call, GenieMessage.class);
  }

  /** The statement behind a query attachment, in whatever state it is. */
  public CompletableFuture<StatementResponse> queryResultAsync(
      String spaceId, String conversationId, String messageId, String attachmentId) {
    String path = attachmentPath(spaceId, conversationId, messageId, attachmentId) + "/query-result";
    return db.callAsync(ApiRequest.get(path).build(), QueryResultResponse.class)
        .thenApply(r -> statementOf(r, path));
  }

  /**
   * Runs the attachment's query again. Marked idempotent: a repeat only re-runs the same read-only
   * query, which beats failing on a transient 5xx.
   */
  public CompletableFuture<StatementResponse> executeQueryAsync(
      String spaceId, String conversationId, String messageId, String attachmentId) {
    String path = attachmentPath(spaceId, conversationId, messageId, attachmentId) + "/execute-query";
    return db.callAsync(ApiRequest.post(path).idempotent(true).build(), QueryResultResponse.class)
        .thenApply(r -> statementOf(r, path));
  }

  private static StatementResponse statementOf(QueryResultResponse r, String path) {
    if (r == null || r.statementResponse() == null) {
      throw new DatabricksClientException("the answer of " + path + " carried no statement_response");
    }
    return r.statementResponse();
  }

  private static String spacePath(String spaceId) {
    return SPACES + "/" + ApiRequest.segment(spaceId);
  }

  private static String conversationPath(String spaceId, String conversationId) {
    return spacePath(spaceId) + "/conversations/" + ApiRequest.segment(conversationId);
  }

  private static String messagePath(String spaceId, String conversationId, String messageId) {
    return conversationPath(spaceId, conversationId) + "/messages/" + ApiRequest.segment(messageId);
  }

  private static String attachmentPath(String spaceId, String conversationId, String messageId, String attachmentId) {
    return messagePath(spaceId, conversationId, messageId) + "/attachments/" + ApiRequest.segment(attachmentId);
  }
}
