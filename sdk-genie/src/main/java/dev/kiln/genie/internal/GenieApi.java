package dev.kiln.genie.internal;

import dev.kiln.core.ApiRequest;
import dev.kiln.core.DatabricksClient;
import dev.kiln.core.Page;
import dev.kiln.core.error.DatabricksClientException;
import dev.kiln.core.spi.Futures;
import dev.kiln.genie.model.GenieConversation;
import dev.kiln.genie.model.GenieDownload;
import dev.kiln.genie.model.GenieFeedbackRating;
import dev.kiln.genie.model.GenieMessage;
import dev.kiln.genie.model.GenieSpace;
import dev.kiln.genie.model.GenieSpaceUpdate;
import dev.kiln.sql.model.StatementResponse;
import java.util.Optional;
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

  /** Sends the space to the trash (it can be restored from the workspace UI). */
  public CompletableFuture<Void> trashSpaceAsync(String spaceId) {
    return db.callAsync(ApiRequest.delete(SPACE, spaceId).build(), Void.class);
  }

  /** Idempotent: the same PATCH twice leaves the space as once (an etag-guarded repeat fails with a conflict). */
  public CompletableFuture<GenieSpace> updateSpaceAsync(String spaceId, GenieSpaceUpdate update) {
    ApiRequest call = ApiRequest.patch(SPACE, spaceId).jsonBody(update).idempotent(true).build();
    return db.callAsync(call, GenieSpace.class);
  }

  public Page<GenieMessage> messagesPage(String spaceId, String conversationId, Integer pageSize, String pageToken) {
    ApiRequest call = ApiRequest.get(CONVERSATION + "/messages", spaceId, conversationId)
        .query("page_size", pageSize)
        .query("page_token", pageToken)
        .build();
    return db.call(call, MessagesPage.class).toPage();
  }

  public CompletableFuture<Void> deleteConversationAsync(String spaceId, String conversationId) {
    ApiRequest call = ApiRequest.delete(CONVERSATION, spaceId, conversationId).build();
    return db.callAsync(call, Void.class);
  }

  public CompletableFuture<Void> deleteMessageAsync(String spaceId, String conversationId, String messageId) {
    ApiRequest call = ApiRequest.delete(MESSAGE, spaceId, conversationId, messageId).build();
    return db.callAsync(call, Void.class);
  }

  /** Idempotent: the rating replaces the earlier one. */
  public CompletableFuture<Void> sendFeedbackAsync(String spaceId, String conversationId, String messageId,
      GenieFeedbackRating rating, String comment) {
    ApiRequest call = ApiRequest.post(MESSAGE + "/feedback", spaceId, conversationId, messageId)
        .jsonBody(new FeedbackBody(rating.name(), comment))
        .idempotent(true)
        .build();
    return db.callAsync(call, Void.class);
  }

  /** Starts writing the attachment's full result to files; not idempotent (each call runs the query). */
  public CompletableFuture<DownloadStarted> generateDownloadAsync(
      String spaceId, String conversationId, String messageId, String attachmentId) {
    ApiRequest call = ApiRequest.post(ATTACHMENT + "/downloads", spaceId, conversationId, messageId, attachmentId)
        .build();
    return Futures.map(db.callAsync(call, DownloadStarted.class), r -> {
      if (r == null || r.downloadId() == null || r.signature() == null) {
        throw new DatabricksClientException("the answer of " + call.path()
            + " carried no download_id and download_id_signature");
      }
      return r;
    });
  }

  /** Where the download is: the statement writing it, once there is one. */
  public CompletableFuture<GenieDownload> downloadAsync(String spaceId, String conversationId, String messageId,
      String attachmentId, DownloadStarted download) {
    ApiRequest call = ApiRequest.get(ATTACHMENT + "/downloads/{download_id}",
            spaceId, conversationId, messageId, attachmentId, download.downloadId())
        .query("download_id_signature", download.signature())
        .build();
    return Futures.map(db.callAsync(call, QueryResultResponse.class),
        r -> GenieDownload.of(download.downloadId(), Optional.ofNullable(r == null ? null : r.statementResponse())));
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
