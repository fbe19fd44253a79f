package dev.kiln.genie;

import dev.kiln.core.DatabricksClient;
import dev.kiln.core.Futures;
import dev.kiln.core.PagedIterable;
import dev.kiln.core.error.DatabricksClientException;
import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.genie.internal.GenieApi;
import dev.kiln.genie.internal.StartConversationResponse;
import dev.kiln.genie.model.GenieAnswer;
import dev.kiln.genie.model.GenieAttachment;
import dev.kiln.genie.model.GenieConversation;
import dev.kiln.genie.model.GenieMessage;
import dev.kiln.genie.model.GenieSpace;
import dev.kiln.sql.SqlClient;
import dev.kiln.sql.StatementResult;
import dev.kiln.sql.model.StatementResponse;
import dev.kiln.sql.model.StatementState;
import java.time.Duration;
import java.util.Objects;
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
 */
public final class GenieClient {
  /** How long a message may take before waiting for it gives up. */
  public static final Duration DEFAULT_MESSAGE_TIMEOUT = Duration.ofMinutes(10);

  private final GenieApi api;
  private final SqlClient sql;
  private final Duration messageTimeout;

  private GenieClient(GenieApi api, SqlClient sql, Duration messageTimeout) {
    this.api = api;
    this.sql = sql;
    this.messageTimeout = messageTimeout;
  }

  public static GenieClient create(DatabricksClient db) {
    return create(db, SqlClient.create(db));
  }

  /** Reads query results through {@code sql}, e.g. one configured with its own {@code SqlOptions}. */
  public static GenieClient create(DatabricksClient db, SqlClient sql) {
    Objects.requireNonNull(db, "db");
    Objects.requireNonNull(sql, "sql");
    return new GenieClient(new GenieApi(db), sql, DEFAULT_MESSAGE_TIMEOUT);
  }

  /** A copy whose messages (and so {@code ask}) give up after {@code timeout} instead of 10 minutes. */
  public GenieClient withMessageTimeout(Duration timeout) {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new InvalidRequestException("the message timeout must be positive, was " + timeout);
    }
    return new GenieClient(api, sql, timeout);
  }

  public Duration messageTimeout() {
    return messageTimeout;
  }

  // ---- spaces and conversations

  /** Every space the caller can see, fetched page by page as it is read. */
  public PagedIterable<GenieSpace> listSpaces() {
    return PagedIterable.of(token -> api.spacesPage(null, token));
  }

  /** As {@link #listSpaces()}, asking for {@code pageSize} spaces per request. */
  public PagedIterable<GenieSpace> listSpaces(int pageSize) {
    Integer size = positive(pageSize);
    return PagedIterable.of(token -> api.spacesPage(size, token));
  }

  /** One space, by id. */
  public GenieSpace getSpace(String spaceId) {
    return api.getSpace(spaceId);
  }

  /** The caller's conversations in a space, fetched page by page as they are read. */
  public PagedIterable<GenieConversation> listConversations(String spaceId) {
    return PagedIterable.of(token -> api.conversationsPage(spaceId, null, token));
  }

  /** As {@link #listConversations(String)}, asking for {@code pageSize} per request. */
  public PagedIterable<GenieConversation> listConversations(String spaceId, int pageSize) {
    Integer size = positive(pageSize);
    return PagedIterable.of(token -> api.conversationsPage(spaceId, size, token));
  }

  // ---- messages

  /** Starts a new conversation with {@code question}; the handle waits for Genie's answer. */
  public GenieMessageHandle startConversation(String spaceId, String question) {
    return startConversation(spaceId, question, null);
  }

  /**
   * As {@link #startConversation(String, String)}, with a listener registered before the first
   * poll, so it sees every status (e.g. SUBMITTED, ASKING_AI, EXECUTING_QUERY, COMPLETED) once.
   * It runs on a Kiln thread: keep it short and do not block in it.
   */
  public GenieMessageHandle startConversation(
      String spaceId, String question, Consumer<? super GenieMessage> listener) {
    requireQuestion(question);
    return fromStart(spaceId, Futures.join(api.startConversationAsync(spaceId, question)), listener);
  }

  /** Asks a follow-up in an existing conversation, which keeps the earlier questions as context. */
  public GenieMessageHandle createMessage(String spaceId, String conversationId, String question) {
    return createMessage(spaceId, conversationId, question, null);
  }

  /** As {@link #createMessage(String, String, String)}, with a listener that sees every status. */
  public GenieMessageHandle createMessage(
      String spaceId, String conversationId, String question, Consumer<? super GenieMessage> listener) {
    requireQuestion(question);
    GenieMessage created = Futures.join(api.createMessageAsync(spaceId, conversationId, question));
    return newHandle(spaceId, conversationId, created.messageId(), created, listener);
  }

  /** The message as it is now. */
  public GenieMessage getMessage(String spaceId, String conversationId, String messageId) {
    return Futures.join(api.getMessageAsync(spaceId, conversationId, messageId));
  }

  /** A handle on a message seen before (e.g. from {@link #getMessage}), to wait for its answer. */
  public GenieMessageHandle handle(String spaceId, GenieMessage message) {
    Objects.requireNonNull(message, "message");
    return newHandle(spaceId, message.conversationId(), message.messageId(), message, null);
  }

  // ---- ask: send and wait

  /** Starts a conversation with {@code question} and waits for the answer (see {@link GenieMessageHandle}). */
  public GenieAnswer ask(String spaceId, String question) {
    return Futures.join(askAsync(spaceId, question));
  }

  /** Asks a follow-up in {@code conversationId} and waits for the answer. */
  public GenieAnswer ask(String spaceId, String conversationId, String question) {
    return Futures.join(askAsync(spaceId, conversationId, question));
  }

  /**
   * {@link #ask(String, String)} without blocking. Cancelling the future stops waiting; the question
   * still runs in the space (Genie cannot cancel messages).
   *
   * @throws InvalidRequestException at once, for a blank question or id
   */
  public CompletableFuture<GenieAnswer> askAsync(String spaceId, String question) {
    requireQuestion(question);
    // the handle is made inside compose, so a cancel that races its creation still stops it
    return Futures.compose(api.startConversationAsync(spaceId, question),
        r -> fromStart(spaceId, r, null).resultAsync());
  }

  /** {@link #ask(String, String, String)} without blocking; see {@link #askAsync(String, String)}. */
  public CompletableFuture<GenieAnswer> askAsync(String spaceId, String conversationId, String question) {
    requireQuestion(question);
    return Futures.compose(api.createMessageAsync(spaceId, conversationId, question),
        m -> newHandle(spaceId, conversationId, m.messageId(), m, null).resultAsync());
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
    return Futures.join(queryResultAsync(answer));
  }

  /** {@link #queryResult} without blocking; cancelling it stops (and cancels) the statement wait. */
  public CompletableFuture<StatementResult> queryResultAsync(GenieAnswer answer) {
    String attachmentId = queryAttachmentId(answer);
    if (answer.isQueryResultExpired()) {
      return rows(reexecute(answer, attachmentId));
    }
    return rows(Futures.compose(
        api.queryResultAsync(answer.spaceId(), answer.conversationId(), answer.messageId(), attachmentId),
        r -> r.state() == StatementState.CLOSED
            ? reexecute(answer, attachmentId)
            : CompletableFuture.completedFuture(r)));
  }

  /** Runs the answer's query again and returns the fresh rows. */
  public StatementResult executeQuery(GenieAnswer answer) {
    return Futures.join(executeQueryAsync(answer));
  }

  /** {@link #executeQuery} without blocking. */
  public CompletableFuture<StatementResult> executeQueryAsync(GenieAnswer answer) {
    return rows(reexecute(answer, queryAttachmentId(answer)));
  }

  @Override
  public String toString() {
    return "GenieClient[" + api.client().host() + ", messageTimeout=" + messageTimeout + "]";
  }

  /** The statement's rows once it is done, waited for through sdk-sql. */
  private CompletableFuture<StatementResult> rows(CompletableFuture<StatementResponse> statement) {
    return Futures.compose(statement, r -> sql.handle(r).resultAsync());
  }

  private CompletableFuture<StatementResponse> reexecute(GenieAnswer answer, String attachmentId) {
    return api.executeQueryAsync(answer.spaceId(), answer.conversationId(), answer.messageId(), attachmentId);
  }

  private GenieMessageHandle fromStart(
      String spaceId, StartConversationResponse r, Consumer<? super GenieMessage> listener) {
    if (r.conversationId() == null || r.messageId() == null) {
      throw new DatabricksClientException("start-conversation in space " + spaceId
          + " answered without conversation_id and message_id");
    }
    return newHandle(spaceId, r.conversationId(), r.messageId(), r.message().orElse(null), listener);
  }

  private GenieMessageHandle newHandle(String spaceId, String conversationId, String messageId,
      GenieMessage initial, Consumer<? super GenieMessage> listener) {
    return new GenieMessageHandle(api, spaceId, conversationId, messageId, initial, messageTimeout, listener);
  }

  private static String queryAttachmentId(GenieAnswer answer) {
    Objects.requireNonNull(answer, "answer");
    return answer.queryAttachment()
        .flatMap(GenieAttachment::attachmentId)
        .orElseThrow(() -> new InvalidRequestException("Genie message " + answer.messageId()
            + " has no query attachment with an attachment_id, so it has no query result; check answer.query()"));
  }

  private static void requireQuestion(String question) {
    if (question == null || question.isBlank()) {
      throw new InvalidRequestException("the question must not be empty");
    }
  }

  private static Integer positive(int pageSize) {
    if (pageSize < 1) {
      throw new InvalidRequestException("pageSize must be at least 1, was " + pageSize);
    }
    return pageSize;
  }
}
