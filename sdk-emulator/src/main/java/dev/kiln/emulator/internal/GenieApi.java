package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Genie (AI/BI): spaces, conversations, messages, attachments and their query results. */
final class GenieApi implements WorkspaceApi {
  private static final String SPACES = "/api/2.0/genie/spaces";
  private static final String SPACE = SPACES + "/{space_id}";
  private static final String CONVERSATION = SPACE + "/conversations/{conversation_id}";
  private static final String MESSAGE = CONVERSATION + "/messages/{message_id}";
  private static final String ATTACHMENT = MESSAGE + "/attachments/{attachment_id}";
  private static final int MAX_PAGE_SIZE = 100;

  private final GenieStore store;
  private final GenieAssistant assistant;
  private final GenieDownloads downloads = new GenieDownloads();
  private final StatementService statements;
  private final StatementJson statementJson;
  private final Clock clock;

  GenieApi(
      GenieStore store,
      GenieAssistant assistant,
      StatementService statements,
      StatementJson statementJson,
      Clock clock) {
    this.store = store;
    this.assistant = assistant;
    this.statements = statements;
    this.statementJson = statementJson;
    this.clock = clock;
  }

  @Override
  public void register(Router router) {
    router.get(SPACES, this::listSpaces);
    router.get(SPACE, request -> Response.ok(store.space(request.pathParam("space_id")).toJson()));
    router.patch(SPACE, request -> Response.ok(store.updateSpace(request.pathParam("space_id"), request.json()).toJson()));
    router.delete(SPACE, request -> {
      store.trashSpace(request.pathParam("space_id"));
      return Response.ok(Json.object());
    });
    router.post(SPACE + "/start-conversation", this::startConversation);
    router.get(SPACE + "/conversations", this::listConversations);
    router.get(CONVERSATION, request -> Response.ok(conversation(request).toJson()));
    router.delete(CONVERSATION, this::deleteConversation);
    router.post(CONVERSATION + "/messages", this::createMessage);
    router.get(CONVERSATION + "/messages", this::listMessages);
    router.get(MESSAGE, request -> Response.ok(message(request).toJson()));
    router.delete(MESSAGE, request -> {
      store.deleteMessage(request.pathParam("space_id"), request.pathParam("conversation_id"),
          request.pathParam("message_id"));
      return Response.ok(Json.object());
    });
    router.post(MESSAGE + "/feedback", this::feedback);
    router.post(ATTACHMENT + "/downloads", this::generateDownload);
    router.get(ATTACHMENT + "/downloads/{download_id}", this::download);
    router.get(ATTACHMENT + "/query-result", this::queryResult);
    router.postAsync(ATTACHMENT + "/execute-query", this::executeQuery);
    // Older, deprecated forms still used by some clients.
    router.get(MESSAGE + "/query-result", this::queryResult);
    router.get(MESSAGE + "/query-result/{attachment_id}", this::queryResult);
    router.postAsync(MESSAGE + "/execute-query", this::executeQuery);
  }

  private Response listSpaces(Request request) {
    return Pages.reply(request, store.spaces(), MAX_PAGE_SIZE, "spaces", GenieStore.Space::toJson);
  }

  private Response listConversations(Request request) {
    return Pages.reply(request, store.conversations(request.pathParam("space_id")), MAX_PAGE_SIZE, "conversations",
        GenieStore.Conversation::toSummaryJson);
  }

  private Response listMessages(Request request) {
    return Pages.reply(request, store.messages(conversation(request)), MAX_PAGE_SIZE, "messages",
        GenieMessageState::toJson);
  }

  private Response startConversation(Request request) {
    GenieStore.Space space = store.space(request.pathParam("space_id"));
    String content = content(request.json());
    GenieStore.Conversation conversation = store.newConversation(space, content, clock.millis());
    GenieMessageState message = store.newMessage(conversation, content, clock.millis());
    ObjectNode body = Json.object();
    body.put("conversation_id", conversation.id);
    body.put("message_id", message.id());
    body.set("conversation", conversation.toJson());
    body.set("message", message.toJson());
    assistant.answer(space, message);
    return Response.ok(body);
  }

  private Response createMessage(Request request) {
    GenieStore.Space space = store.space(request.pathParam("space_id"));
    GenieStore.Conversation conversation = conversation(request);
    GenieMessageState message = store.newMessage(conversation, content(request.json()), clock.millis());
    ObjectNode body = message.toJson();
    assistant.answer(space, message);
    return Response.ok(body);
  }

  private Response deleteConversation(Request request) {
    store.deleteConversation(request.pathParam("space_id"), request.pathParam("conversation_id"));
    return Response.ok(Json.object());
  }

  private Response feedback(Request request) {
    GenieMessageState message = message(request);
    JsonNode body = request.json();
    String rating = body.path("rating").asText("");
    if (!rating.equals("POSITIVE") && !rating.equals("NEGATIVE") && !rating.equals("NONE")) {
      throw ApiException.invalidParameter("rating must be one of POSITIVE, NEGATIVE, NONE; got '" + rating + "'.");
    }
    message.rate(rating, body.path("comment").asText(null));
    return Response.ok(Json.object());
  }

  /** Runs the attachment's SQL again with EXTERNAL_LINKS; the poll reads that statement. */
  private Response generateDownload(Request request) {
    GenieStore.Space space = store.space(request.pathParam("space_id"));
    GenieMessageState message = message(request);
    GenieMessageState.Attachment query = queryAttachment(message, attachmentId(request));
    if (!GenieMessageState.isTerminal(message.status())) {
      throw ApiException.invalidState("Message " + message.id() + " is still " + message.status() + ".");
    }
    SqlStatement statement = statements.submit(StatementRequest.externalLinks(query.sql, space.warehouseId));
    GenieDownloads.Download download = downloads.add(attachmentPath(request), statement.id());
    return Response.ok(Json.object()
        .put("download_id", download.id)
        .put("download_id_signature", download.signature()));
  }

  private Response download(Request request) {
    message(request);
    GenieDownloads.Download download = downloads.get(attachmentPath(request), request.pathParam("download_id"),
        request.queryParam("download_id_signature").orElse(null));
    SqlStatement statement = statements.find(download.statementId)
        .orElseThrow(() -> ApiException.notFound("Download " + download.id + " has expired."));
    return Response.ok(Json.object().set("statement_response", statementJson.response(statement)));
  }

  private static String attachmentPath(Request request) {
    return request.pathParam("space_id") + "/" + request.pathParam("conversation_id") + "/"
        + request.pathParam("message_id") + "/" + request.pathParam("attachment_id");
  }

  private Response queryResult(Request request) {
    SqlStatement statement =
        queryAttachmentStatement(message(request), attachmentId(request))
            .orElseThrow(() -> ApiException.invalidState("The query of this message has not run yet."));
    return Response.ok(Json.object().set("statement_response", statementJson.response(statement)));
  }

  private CompletionStage<Response> executeQuery(Request request) {
    GenieStore.Space space = store.space(request.pathParam("space_id"));
    GenieMessageState message = message(request);
    GenieMessageState.Attachment query = queryAttachment(message, attachmentId(request));
    SqlStatement statement = assistant.rerun(space, message, query);
    return statements
        .awaitUpTo(statement, StatementRequest.DEFAULT_WAIT)
        .thenApply(done -> Response.ok(Json.object().set("statement_response", statementJson.response(done))));
  }

  private Optional<SqlStatement> queryAttachmentStatement(GenieMessageState message, String attachmentId) {
    GenieMessageState.Attachment query = queryAttachment(message, attachmentId);
    return message.statementIdOf(query).flatMap(statements::find);
  }

  private static GenieMessageState.Attachment queryAttachment(GenieMessageState message, String attachmentId) {
    return message.queryAttachment(attachmentId)
        .orElseThrow(() -> ApiException.notFound(
            attachmentId == null
                ? "Message " + message.id() + " has no query attachment."
                : "Query attachment " + attachmentId + " does not exist in message " + message.id() + "."));
  }

  /** The attachment id of the route, or null for the deprecated forms without one. */
  private static String attachmentId(Request request) {
    return request.optionalPathParam("attachment_id").orElse(null);
  }

  private GenieStore.Conversation conversation(Request request) {
    return store.conversation(request.pathParam("space_id"), request.pathParam("conversation_id"));
  }

  private GenieMessageState message(Request request) {
    return store.message(
        request.pathParam("space_id"), request.pathParam("conversation_id"), request.pathParam("message_id"));
  }

  private static String content(JsonNode body) {
    String content = body.path("content").asText("");
    if (content.isBlank()) {
      throw ApiException.invalidParameter("content is required.");
    }
    return content;
  }
}
