package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One Genie message: the question, its status, its attachments and error. Thread-safe. */
final class GenieMessageState {
  /** Statuses after which the message no longer changes on its own. */
  static boolean isTerminal(String status) {
    return status.equals("COMPLETED") || status.equals("FAILED") || status.equals("CANCELLED")
        || status.equals("QUERY_RESULT_EXPIRED");
  }

  private final String id;
  private final String spaceId;
  private final String conversationId;
  private final String content;
  private final long createdMillis;
  private final List<Attachment> attachments = new ArrayList<>();
  private final StateChanges changes;
  private String status = "SUBMITTED";
  private long lastUpdatedMillis;
  private String errorMessage;
  private String errorType;
  private String feedbackRating;
  private String feedbackComment;

  GenieMessageState(
      String id, String spaceId, String conversationId, String content, long nowMillis, StateChanges changes) {
    this.id = id;
    this.changes = changes;
    this.spaceId = spaceId;
    this.conversationId = conversationId;
    this.content = content;
    this.createdMillis = nowMillis;
    this.lastUpdatedMillis = nowMillis;
  }

  String id() {
    return id;
  }

  String conversationId() {
    return conversationId;
  }

  String content() {
    return content;
  }

  synchronized String status() {
    return status;
  }

  synchronized void moveTo(String newStatus, long nowMillis) {
    status = newStatus;
    lastUpdatedMillis = nowMillis;
    changes.changed();
  }

  synchronized void fail(String message, String type, long nowMillis) {
    errorMessage = message;
    errorType = type;
    moveTo("FAILED", nowMillis);
  }

  /** The caller's rating replaces any earlier one; NONE clears it. */
  synchronized void rate(String rating, String comment) {
    feedbackRating = rating.equals("NONE") ? null : rating;
    feedbackComment = rating.equals("NONE") ? null : comment;
  }

  synchronized void addText(String text) {
    attachments.add(Attachment.text(Ids.hex32(), text));
  }

  synchronized void addSuggestions(List<String> questions) {
    if (!questions.isEmpty()) {
      attachments.add(Attachment.suggestions(Ids.hex32(), questions));
    }
  }

  synchronized Attachment addQuery(String title, String description, String sql) {
    Attachment query = Attachment.query(Ids.hex32(), title, description, sql);
    attachments.add(query);
    return query;
  }

  /** The query attachment now points at {@code statementId}, whose result is not known yet. */
  synchronized void attachStatement(Attachment query, String statementId) {
    query.statementId = statementId;
    query.rowCount = 0;
    query.truncated = false;
  }

  synchronized void recordResult(Attachment query, long rowCount, boolean truncated) {
    query.rowCount = rowCount;
    query.truncated = truncated;
  }

  synchronized Optional<String> statementIdOf(Attachment query) {
    return Optional.ofNullable(query.statementId);
  }

  /** A query attachment by id, or the first one when {@code attachmentId} is null. */
  synchronized Optional<Attachment> queryAttachment(String attachmentId) {
    return attachments.stream()
        .filter(a -> a.kind == Attachment.Kind.QUERY && (attachmentId == null || a.id.equals(attachmentId)))
        .findFirst();
  }

  synchronized ObjectNode toJson() {
    ObjectNode json = Json.object();
    json.put("id", id); // deprecated twin of message_id, still sent by Databricks
    json.put("message_id", id);
    json.put("space_id", spaceId);
    json.put("conversation_id", conversationId);
    json.put("user_id", LocalIdentity.USER_ID);
    json.put("content", content);
    json.put("status", status);
    json.put("created_timestamp", createdMillis);
    json.put("last_updated_timestamp", lastUpdatedMillis);
    ArrayNode list = json.putArray("attachments");
    for (Attachment attachment : attachments) {
      list.add(attachment.toJson());
    }
    queryAttachment(null).filter(q -> q.statementId != null).ifPresent(query ->
        json.putObject("query_result")
            .put("statement_id", query.statementId)
            .put("row_count", query.rowCount)
            .put("is_truncated", query.truncated));
    if (feedbackRating != null) {
      ObjectNode feedback = json.putObject("feedback").put("rating", feedbackRating);
      if (feedbackComment != null) {
        feedback.put("comment", feedbackComment);
      }
    }
    if (errorMessage != null) {
      json.putObject("error").put("error", errorMessage).put("type", errorType);
    }
    return json;
  }

  /** A text, query or suggested-questions attachment. Mutated only under the message's lock. */
  static final class Attachment {
    enum Kind {
      TEXT,
      QUERY,
      SUGGESTED_QUESTIONS
    }

    final String id;
    final Kind kind;
    final String text;
    final String title;
    final String description;
    final String sql;
    final List<String> questions;
    // Guarded by the owning message's lock.
    private String statementId;
    private long rowCount;
    private boolean truncated;

    private Attachment(
        String id, Kind kind, String text, String title, String description, String sql, List<String> questions) {
      this.id = id;
      this.kind = kind;
      this.text = text;
      this.title = title;
      this.description = description;
      this.sql = sql;
      this.questions = questions;
    }

    static Attachment text(String id, String text) {
      return new Attachment(id, Kind.TEXT, text, null, null, null, List.of());
    }

    static Attachment query(String id, String title, String description, String sql) {
      return new Attachment(id, Kind.QUERY, null, title, description, sql, List.of());
    }

    static Attachment suggestions(String id, List<String> questions) {
      return new Attachment(id, Kind.SUGGESTED_QUESTIONS, null, null, null, null, List.copyOf(questions));
    }

    ObjectNode toJson() {
      ObjectNode json = Json.object().put("attachment_id", id);
      switch (kind) {
        case TEXT:
          json.putObject("text").put("id", id).put("content", text);
          break;
        case QUERY:
          ObjectNode query = json.putObject("query");
          query.put("id", id);
          query.put("title", title);
          query.put("description", description);
          query.put("query", sql);
          if (statementId != null) {
            query.put("statement_id", statementId);
            query.putObject("query_result_metadata").put("row_count", rowCount).put("is_truncated", truncated);
          }
          break;
        default:
          ArrayNode list = json.putObject("suggested_questions").putArray("questions");
          questions.forEach(list::add);
      }
      return json;
    }
  }
}
