package dev.kiln.genie;

import dev.kiln.core.DatabricksClient;
import dev.kiln.core.PagedIterable;
import dev.kiln.core.error.DatabricksClientException;
import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.core.spi.Args;
import dev.kiln.core.spi.Calls;
import dev.kiln.core.spi.ClientInternals;
import dev.kiln.core.spi.Futures;
import dev.kiln.genie.internal.GenieApi;
import dev.kiln.genie.internal.StartConversationResponse;
import dev.kiln.genie.model.GenieAnswer;
import dev.kiln.genie.model.GenieAttachment;
import dev.kiln.genie.model.GenieConversation;
import dev.kiln.genie.model.GenieFeedbackRating;
import dev.kiln.genie.model.GenieMessage;
import dev.kiln.genie.model.GenieSpace;
import dev.kiln.genie.model.GenieSpaceUpdate;
import dev.kiln.sql.SqlClient;
import dev.kiln.sql.StatementResult;
import dev.kiln.sql.model.StatementResponse;
import dev.kiln.sql.model.StatementState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Genie (AI/BI): ask a space a business question, wait for the answer, and read the SQL it wrote
 * and its rows. Thread-safe and cheap; it owns no resources beyond the {@link DatabricksClient}.
 *
 * <pre>{@code
 * GenieClient genie = GenieClient.create(db);
 * GenieAnswer a = genie.ask(spaceId, "Biggest open opportunities");
 * try (StatementResult rows = genie.queryResult(a)) { ... }
 * }</pre>
 *
 * <p>Every remote call has a blocking form and an {@code ...Async} twin. Async methods never throw:
 * bad input (a null or blank argument, an id of {@code .} or {@code ..}, a question longer than
 * {@link #MAX_QUESTION_LENGTH}) comes back as a future failed with {@link InvalidRequestException},
 * before anything is sent; blocking methods throw the same exceptions unwrapped.
 *
 * <p>Timeouts: {@link GenieMessageHandle#await(Duration)} running out leaves the message and the
 * handle going. {@link #ask(String, String, Duration)} returns no handle, so its timeout ends the
 * wait (polling stops). Neither stops the message itself: Genie has no API to cancel a message, so
 * it goes on in the space either way.
 */
public final class GenieClient {
  /**
   * Longest question sent, in characters. Genie documents no limit on a message's content; this
   * bound (16,384) is Kiln's, far above any real question, so a runaway string fails here instead of
   * in the space.
   */
  public static final int MAX_QUESTION_LENGTH = 16_384;

  private final GenieApi api;
  private final SqlClient sql;
  private final GenieOptions options;
  private final Clock clock;

  private GenieClient(DatabricksClient db, GenieOptions options) {
    this.api = new GenieApi(db);
    this.sql = SqlClient.create(db, options.sqlOptions());
    this.options = options;
    this.clock = ClientInternals.of(db).clock();
  }

  /** A client with {@link GenieOptions#defaults()}. */
  public static GenieClient create(DatabricksClient db) {
    return create(db, GenieOptions.defaults());
  }

  /**
   * A client for the Genie spaces of {@code db}'s workspace, sharing its HTTP client,
   * authentication and retries.
   *
   * @param db the workspace client
   * @param options polling, timeouts and how query results are read
   * @return the new client
   * @throws dev.kiln.core.error.InvalidRequestException if {@code db} or {@code options} is null
   */
  public static GenieClient create(DatabricksClient db, GenieOptions options) {
    Args.notNull(db, "db");
    Args.notNull(options, "options");
    return new GenieClient(db, options);
  }

  /** The options this client was created with. */
  public GenieOptions options() {
    return options;
  }

  // ---- spaces and conversations

  /** Every space the caller can see, fetched page by page as it is read. */
  public PagedIterable<GenieSpace> listSpaces() {
    return PagedIterable.of(token -> api.spacesPage(null, token));
  }

  /** As {@link #listSpaces()}, asking for {@code pageSize} spaces per request. */
  public PagedIterable<GenieSpace> listSpaces(int pageSize) {
    Integer size = Args.positive(pageSize, "pageSize");
    return PagedIterable.of(token -> api.spacesPage(size, token));
  }

  /** One space, by id. */
  public GenieSpace getSpace(String spaceId) {
    return Calls.join(getSpaceAsync(spaceId));
  }

  /** {@link #getSpace} without blocking. */
  public CompletableFuture<GenieSpace> getSpaceAsync(String spaceId) {
    return Calls.async(() -> api.getSpaceAsync(spaceId(spaceId)));
  }

  /**
   * Changes the fields {@code update} sets and returns the space as it is now. With
   * {@link GenieSpaceUpdate#etag()} set, a space changed since that read fails with
   * {@code ResourceConflictException} instead of being overwritten.
   *
   * @throws InvalidRequestException when {@code update} sets no field
   */
  public GenieSpace updateSpace(String spaceId, GenieSpaceUpdate update) {
    return Calls.join(updateSpaceAsync(spaceId, update));
  }

  /** {@link #updateSpace} without blocking. */
  public CompletableFuture<GenieSpace> updateSpaceAsync(String spaceId, GenieSpaceUpdate update) {
    return Calls.async(() -> api.updateSpaceAsync(spaceId(spaceId), spaceUpdate(update)));
  }

  /** Sends the space to the workspace trash, where it can be restored from the UI until it is purged. */
  public void trashSpace(String spaceId) {
    Calls.join(trashSpaceAsync(spaceId));
  }

  /** {@link #trashSpace} without blocking. */
  public CompletableFuture<Void> trashSpaceAsync(String spaceId) {
    return Calls.async(() -> api.trashSpaceAsync(spaceId(spaceId)));
  }

  /** The caller's conversations in a space, fetched page by page as they are read. */
  public PagedIterable<GenieConversation> listConversations(String spaceId) {
    String space = spaceId(spaceId);
    return PagedIterable.of(token -> api.conversationsPage(space, null, token));
  }

  /** As {@link #listConversations(String)}, asking for {@code pageSize} per request. */
  public PagedIterable<GenieConversation> listConversations(String spaceId, int pageSize) {
    String space = spaceId(spaceId);
    Integer size = Args.positive(pageSize, "pageSize");
    return PagedIterable.of(token -> api.conversationsPage(space, size, token));
  }

  /** Deletes a conversation and its messages. */
  public void deleteConversation(String spaceId, String conversationId) {
    Calls.join(deleteConversationAsync(spaceId, conversationId));
  }

  /** {@link #deleteConversation} without blocking. */
  public CompletableFuture<Void> deleteConversationAsync(String spaceId, String conversationId) {
    return Calls.async(() -> api.deleteConversationAsync(spaceId(spaceId), conversationId(conversationId)));
  }

  /** A conversation's messages, oldest first, fetched page by page as they are read. */
  public PagedIterable<GenieMessage> listMessages(String spaceId, String conversationId) {
    String space = spaceId(spaceId);
    String conversation = conversationId(conversationId);
    return PagedIterable.of(token -> api.messagesPage(space, conversation, null, token));
  }

  /** As {@link #listMessages(String, String)}, asking for {@code pageSize} per request. */
  public PagedIterable<GenieMessage> listMessages(String spaceId, String conversationId, int pageSize) {
    String space = spaceId(spaceId);
    String conversation = conversationId(conversationId);
    Integer size = Args.positive(pageSize, "pageSize");
    return PagedIterable.of(token -> api.messagesPage(space, conversation, size, token));
  }

  // ---- messages

  /** Starts a new conversation with {@code question}; the handle waits for Genie's answer. */
  public GenieMessageHandle startConversation(String spaceId, String question) {
    return Calls.join(startConversationAsync(spaceId, question));
  }

  /**
   * As {@link #startConversation(String, String)}, with a listener registered before the first
   * poll, so it sees every status (e.g. SUBMITTED, ASKING_AI, EXECUTING_QUERY, COMPLETED) once.
   * It runs on a Kiln thread: keep it short and do not block in it.
   */
  public GenieMessageHandle startConversation(
      String spaceId, String question, Consumer<? super GenieMessage> listener) {
    return Calls.join(startConversationAsync(spaceId, question, listener));
  }

  /** {@link #startConversation(String, String)} without blocking; completes once Genie accepted the question. */
  public CompletableFuture<GenieMessageHandle> startConversationAsync(String spaceId, String question) {
    return Calls.async(() -> startAsync(spaceId(spaceId), question(question), null, options.messageTimeout()));
  }

  /** {@link #startConversation(String, String, Consumer)} without blocking. */
  public CompletableFuture<GenieMessageHandle> startConversationAsync(
      String spaceId, String question, Consumer<? super GenieMessage> listener) {
    return Calls.async(() -> startAsync(spaceId(spaceId), question(question), Args.notNull(listener, "listener"),
        options.messageTimeout()));
  }

  /** Asks a follow-up in an existing conversation, which keeps the earlier questions as context. */
  public GenieMessageHandle createMessage(String spaceId, String conversationId, String question) {
    return Calls.join(createMessageAsync(spaceId, conversationId, question));
  }

  /** As {@link #createMessage(String, String, String)}, with a listener that sees every status. */
  public GenieMessageHandle createMessage(
      String spaceId, String conversationId, String question, Consumer<? super GenieMessage> listener) {
    return Calls.join(createMessageAsync(spaceId, conversationId, question, listener));
  }

  /** {@link #createMessage(String, String, String)} without blocking. */
  public CompletableFuture<GenieMessageHandle> createMessageAsync(String spaceId, String conversationId, String question) {
    return Calls.async(() -> followUpAsync(spaceId(spaceId), conversationId(conversationId), question(question), null,
        options.messageTimeout()));
  }

  /** {@link #createMessage(String, String, String, Consumer)} without blocking. */
  public CompletableFuture<GenieMessageHandle> createMessageAsync(
      String spaceId, String conversationId, String question, Consumer<? super GenieMessage> listener) {
    return Calls.async(() -> followUpAsync(spaceId(spaceId), conversationId(conversationId), question(question),
        Args.notNull(listener, "listener"), options.messageTimeout()));
  }

  /** The message as it is now. */
  public GenieMessage getMessage(String spaceId, String conversationId, String messageId) {
    return Calls.join(getMessageAsync(spaceId, conversationId, messageId));
  }

  /** {@link #getMessage} without blocking. */
  public CompletableFuture<GenieMessage> getMessageAsync(String spaceId, String conversationId, String messageId) {
    return Calls.async(() -> api.getMessageAsync(
        spaceId(spaceId), conversationId(conversationId), Args.id(messageId, "messageId")));
  }

  /** A handle on a message seen before (e.g. from {@link #getMessage}), to wait for its answer. */
  public GenieMessageHandle handle(String spaceId, GenieMessage message) {
    String space = spaceId(spaceId);
    Args.notNull(message, "message");
    return newHandle(space, conversationId(message.conversationId()), Args.id(message.messageId(), "messageId"),
        message, null, options.messageTimeout());
  }

  /** Deletes one message of a conversation. */
  public void deleteMessage(String spaceId, String conversationId, String messageId) {
    Calls.join(deleteMessageAsync(spaceId, conversationId, messageId));
  }

  /** {@link #deleteMessage} without blocking. */
  public CompletableFuture<Void> deleteMessageAsync(String spaceId, String conversationId, String messageId) {
    return Calls.async(() -> api.deleteMessageAsync(
        spaceId(spaceId), conversationId(conversationId), Args.id(messageId, "messageId")));
  }

  /**
   * Rates a message: POSITIVE or NEGATIVE, or NONE to clear an earlier rating; {@code comment} (may be
   * null) is stored with it. A later rating replaces the earlier one; {@link GenieMessage#feedback()} shows it.
   */
  public void sendFeedback(String spaceId, String conversationId, String messageId, GenieFeedbackRating rating,
      String comment) {
    Calls.join(sendFeedbackAsync(spaceId, conversationId, messageId, rating, comment));
  }

  /** {@link #sendFeedback(String, String, String, GenieFeedbackRating, String)} without blocking. */
  public CompletableFuture<Void> sendFeedbackAsync(String spaceId, String conversationId, String messageId,
      GenieFeedbackRating rating, String comment) {
    return Calls.async(() -> api.sendFeedbackAsync(spaceId(spaceId), conversationId(conversationId),
        Args.id(messageId, "messageId"), rating(rating), comment));
  }

  /** Rates an answer, without a comment. */
  public void sendFeedback(GenieAnswer answer, GenieFeedbackRating rating) {
    Calls.join(sendFeedbackAsync(answer, rating));
  }

  /** {@link #sendFeedback(GenieAnswer, GenieFeedbackRating)} without blocking. */
  public CompletableFuture<Void> sendFeedbackAsync(GenieAnswer answer, GenieFeedbackRating rating) {
    return Calls.async(() -> {
      Args.notNull(answer, "answer");
      return api.sendFeedbackAsync(answer.spaceId(), answer.conversationId(), answer.messageId(), rating(rating),
          null);
    });
  }

  // ---- ask: send and wait

  /**
   * Starts a conversation with {@code question} and waits for the answer, at most
   * {@link GenieOptions#messageTimeout()} (see {@link GenieMessageHandle}).
   */
  public GenieAnswer ask(String spaceId, String question) {
    return Calls.join(askAsync(spaceId, question));
  }

  /**
   * As {@link #ask(String, String)}, waiting at most {@code timeout} from this call; then it throws
   * {@code OperationTimeoutException} and stops polling. The message itself goes on in the space:
   * Genie cannot cancel messages. (For a wait that leaves you a handle, use
   * {@link #startConversation} and {@link GenieMessageHandle#await(Duration)}.)
   */
  public GenieAnswer ask(String spaceId, String question, Duration timeout) {
    return Calls.join(askAsync(spaceId, question, timeout));
  }

  /** Asks a follow-up in {@code conversationId} and waits for the answer. */
  public GenieAnswer ask(String spaceId, String conversationId, String question) {
    return Calls.join(askAsync(spaceId, conversationId, question));
  }

  /** As {@link #ask(String, String, String)}, waiting at most {@code timeout}; see {@link #ask(String, String, Duration)}. */
  public GenieAnswer ask(String spaceId, String conversationId, String question, Duration timeout) {
    return Calls.join(askAsync(spaceId, conversationId, question, timeout));
  }

  /**
   * {@link #ask(String, String)} without blocking. Cancelling the future stops waiting; the question
   * still runs in the space (Genie cannot cancel messages).
   */
  public CompletableFuture<GenieAnswer> askAsync(String spaceId, String question) {
    return Calls.async(() -> askStart(spaceId(spaceId), question(question), options.messageTimeout()));
  }

  /** {@link #ask(String, String, Duration)} without blocking: the future fails with {@code OperationTimeoutException}. */
  public CompletableFuture<GenieAnswer> askAsync(String spaceId, String question, Duration timeout) {
    return Calls.async(() -> askStart(spaceId(spaceId), question(question), timeout(timeout)));
  }

  /** {@link #ask(String, String, String)} without blocking; see {@link #askAsync(String, String)}. */
  public CompletableFuture<GenieAnswer> askAsync(String spaceId, String conversationId, String question) {
    return Calls.async(() -> askFollowUp(spaceId(spaceId), conversationId(conversationId), question(question),
        options.messageTimeout()));
  }

  /** {@link #ask(String, String, String, Duration)} without blocking. */
  public CompletableFuture<GenieAnswer> askAsync(String spaceId, String conversationId, String question, Duration timeout) {
    return Calls.async(() -> askFollowUp(spaceId(spaceId), conversationId(conversationId), question(question),
        timeout(timeout)));
  }

  // ---- query results (read through sdk-sql)

  /**
   * The rows of the answer's query, typed as in sdk-sql. Waits through sdk-sql if the statement is
   * still running. Re-executes the query first when the answer's status is QUERY_RESULT_EXPIRED or
   * the statement was CLOSED (its result dropped). Close the result when done.
   *
   * @throws InvalidRequestException when the answer has no query attachment
   */
  public StatementResult queryResult(GenieAnswer answer) {
    return Calls.join(queryResultAsync(answer));
  }

  /** {@link #queryResult} without blocking; cancelling it stops (and cancels) the statement wait. */
  public CompletableFuture<StatementResult> queryResultAsync(GenieAnswer answer) {
    return Calls.async(() -> attachmentRows(answer, queryAttachmentId(answer)));
  }

  /**
   * As {@link #queryResult(GenieAnswer)}, for one of several query attachments
   * ({@link GenieAnswer#queryAttachments()}).
   *
   * @throws InvalidRequestException when the answer has no query attachment {@code attachmentId}
   */
  public StatementResult queryResult(GenieAnswer answer, String attachmentId) {
    return Calls.join(queryResultAsync(answer, attachmentId));
  }

  /** {@link #queryResult(GenieAnswer, String)} without blocking. */
  public CompletableFuture<StatementResult> queryResultAsync(GenieAnswer answer, String attachmentId) {
    return Calls.async(() -> attachmentRows(answer, queryAttachmentId(answer, attachmentId)));
  }

  /**
   * Starts downloading the full result of the answer's (first) query: Genie runs it again and writes
   * every row to files, with no inline size limit. Await the handle for the rows; close them when done.
   *
   * @throws InvalidRequestException when the answer has no query attachment
   */
  public GenieDownloadHandle downloadFullResult(GenieAnswer answer) {
    return Calls.join(downloadFullResultAsync(answer));
  }

  /** {@link #downloadFullResult(GenieAnswer)} without blocking; completes once Genie accepted the download. */
  public CompletableFuture<GenieDownloadHandle> downloadFullResultAsync(GenieAnswer answer) {
    return Calls.async(() -> startDownload(answer, queryAttachmentId(answer)));
  }

  /** As {@link #downloadFullResult(GenieAnswer)}, for the query attachment {@code attachmentId}. */
  public GenieDownloadHandle downloadFullResult(GenieAnswer answer, String attachmentId) {
    return Calls.join(downloadFullResultAsync(answer, attachmentId));
  }

  /** {@link #downloadFullResult(GenieAnswer, String)} without blocking. */
  public CompletableFuture<GenieDownloadHandle> downloadFullResultAsync(GenieAnswer answer, String attachmentId) {
    return Calls.async(() -> startDownload(answer, queryAttachmentId(answer, attachmentId)));
  }

  /** Runs the answer's query again and returns the fresh rows. */
  public StatementResult executeQuery(GenieAnswer answer) {
    return Calls.join(executeQueryAsync(answer));
  }

  /** {@link #executeQuery} without blocking. */
  public CompletableFuture<StatementResult> executeQueryAsync(GenieAnswer answer) {
    return Calls.async(() -> rows(reexecute(answer, queryAttachmentId(answer))));
  }

  /** The workspace host and the options, for logs; no credentials. */
  @Override
  public String toString() {
    return "GenieClient[" + api.client().host() + ", " + options + "]";
  }

  // ---- steps (arguments already checked)

  private CompletableFuture<GenieDownloadHandle> startDownload(GenieAnswer answer, String attachmentId) {
    return Futures.map(
        api.generateDownloadAsync(answer.spaceId(), answer.conversationId(), answer.messageId(), attachmentId),
        started -> new GenieDownloadHandle(api, sql, options, answer.spaceId(), answer.conversationId(),
            answer.messageId(), attachmentId, started));
  }

  private CompletableFuture<GenieMessageHandle> startAsync(
      String spaceId, String question, Consumer<? super GenieMessage> listener, Duration timeout) {
    Instant start = clock.instant();
    return Futures.map(api.startConversationAsync(spaceId, question),
        r -> fromStart(spaceId, r, listener, remaining(start, timeout)));
  }

  private CompletableFuture<GenieMessageHandle> followUpAsync(String spaceId, String conversationId, String question,
      Consumer<? super GenieMessage> listener, Duration timeout) {
    Instant start = clock.instant();
    return Futures.map(api.createMessageAsync(spaceId, conversationId, question),
        m -> newHandle(spaceId, conversationId, m.messageId(), m, listener, remaining(start, timeout)));
  }

  // the handle is made inside compose, so a cancel that races its creation still stops it
  private CompletableFuture<GenieAnswer> askStart(String spaceId, String question, Duration timeout) {
    Instant start = clock.instant();
    return Futures.compose(api.startConversationAsync(spaceId, question),
        r -> fromStart(spaceId, r, null, remaining(start, timeout)).resultAsync());
  }

  private CompletableFuture<GenieAnswer> askFollowUp(String spaceId, String conversationId, String question,
      Duration timeout) {
    Instant start = clock.instant();
    return Futures.compose(api.createMessageAsync(spaceId, conversationId, question),
        m -> newHandle(spaceId, conversationId, m.messageId(), m, null, remaining(start, timeout)).resultAsync());
  }

  /** What is left of {@code timeout} counted from {@code start} (the time spent sending the question is included). */
  private Duration remaining(Instant start, Duration timeout) {
    Duration left = timeout.minus(Duration.between(start, clock.instant()));
    return left.isNegative() ? Duration.ZERO : left;
  }

  /** The attachment's rows: re-executed first when expired or closed. */
  private CompletableFuture<StatementResult> attachmentRows(GenieAnswer answer, String attachmentId) {
    if (answer.isQueryResultExpired()) {
      return rows(reexecute(answer, attachmentId));
    }
    return rows(Futures.compose(
        api.queryResultAsync(answer.spaceId(), answer.conversationId(), answer.messageId(), attachmentId),
        r -> r.state() == StatementState.CLOSED
            ? reexecute(answer, attachmentId)
            : CompletableFuture.completedFuture(r)));
  }

  /** The statement's rows once it is done, waited for through sdk-sql. */
  private CompletableFuture<StatementResult> rows(CompletableFuture<StatementResponse> statement) {
    return Futures.compose(statement, r -> sql.handle(r).resultAsync());
  }

  private CompletableFuture<StatementResponse> reexecute(GenieAnswer answer, String attachmentId) {
    return api.executeQueryAsync(answer.spaceId(), answer.conversationId(), answer.messageId(), attachmentId);
  }

  private GenieMessageHandle fromStart(String spaceId, StartConversationResponse r,
      Consumer<? super GenieMessage> listener, Duration timeout) {
    if (r.conversationId() == null || r.messageId() == null) {
      throw new DatabricksClientException("start-conversation in space " + spaceId
          + " answered without conversation_id and message_id");
    }
    return newHandle(spaceId, r.conversationId(), r.messageId(), r.message().orElse(null), listener, timeout);
  }

  private GenieMessageHandle newHandle(String spaceId, String conversationId, String messageId,
      GenieMessage initial, Consumer<? super GenieMessage> listener, Duration timeout) {
    return new GenieMessageHandle(api, options, timeout, spaceId, conversationId, messageId, initial, listener);
  }

  // ---- argument checks: InvalidRequestException naming the argument, before anything is sent

  private static String spaceId(String value) {
    return Args.id(value, "spaceId");
  }

  private static String conversationId(String value) {
    return Args.id(value, "conversationId");
  }

  private static String question(String value) {
    return Args.maxLength(Args.notBlank(value, "question"), "question", MAX_QUESTION_LENGTH);
  }

  private static Duration timeout(Duration value) {
    Args.notNull(value, "timeout");
    if (value.isNegative()) {
      throw new InvalidRequestException("timeout must not be negative, was " + value);
    }
    return value;
  }

  private static GenieFeedbackRating rating(GenieFeedbackRating value) {
    Args.notNull(value, "rating");
    if (value == GenieFeedbackRating.UNKNOWN) {
      throw new InvalidRequestException("rating must be POSITIVE, NEGATIVE or NONE, was UNKNOWN");
    }
    return value;
  }

  private static GenieSpaceUpdate spaceUpdate(GenieSpaceUpdate update) {
    Args.notNull(update, "update");
    if (update.title().isEmpty() && update.description().isEmpty() && update.warehouseId().isEmpty()
        && update.serializedSpace().isEmpty() && update.parentPath().isEmpty()) {
      throw new InvalidRequestException("update sets no field of the space");
    }
    return update;
  }

  /** {@code attachmentId}, checked to be one of the answer's query attachments. */
  private static String queryAttachmentId(GenieAnswer answer, String attachmentId) {
    Args.notNull(answer, "answer");
    String id = Args.id(attachmentId, "attachmentId");
    boolean known = answer.queryAttachments().stream()
        .anyMatch(a -> a.attachmentId().filter(id::equals).isPresent());
    if (!known) {
      throw new InvalidRequestException("Genie message " + answer.messageId() + " has no query attachment "
          + id + "; its query attachments are listed by answer.queryAttachments()");
    }
    return id;
  }

  private static String queryAttachmentId(GenieAnswer answer) {
    Args.notNull(answer, "answer");
    return answer.queryAttachment()
        .flatMap(GenieAttachment::attachmentId)
        .orElseThrow(() -> new InvalidRequestException("Genie message " + answer.messageId()
            + " has no query attachment with an attachment_id, so it has no query result; check answer.query()"));
  }
}
