package dev.kiln.genie.model;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/**
 * A finished Genie message read as an answer: the text, the generated query and the suggested
 * follow-ups. Its rows come from {@code GenieClient.queryResult(answer)}.
 */
@Value.Immutable
abstract class GenieAnswerDef {
  /** The space asked; kept here because messages do not always carry it. */
  @Value.Parameter
  public abstract String spaceId();

  /** The message as the server last returned it. */
  @Value.Parameter
  public abstract GenieMessage message();

  /** The conversation the message belongs to. */
  public String conversationId() {
    return message().conversationId();
  }

  /** The answered message's id. */
  public String messageId() {
    return message().messageId();
  }

  /**
   * The message's final status: {@code COMPLETED}, or {@code QUERY_RESULT_EXPIRED} when its query
   * result is gone.
   */
  public GenieMessageStatus status() {
    return message().status();
  }

  /** The question as asked. */
  public Optional<String> question() {
    return message().content();
  }

  /** Every text attachment's content, in order, one per line; empty when there is none. */
  public String text() {
    return attachments().stream()
        .flatMap(a -> a.text().stream())
        .map(GenieText::content)
        .collect(Collectors.joining("\n"));
  }

  /** The generated query, if Genie answered with one (the first, if it sent several). */
  public Optional<GenieQuery> query() {
    return queryAttachment().flatMap(GenieAttachment::query);
  }

  /** The attachment holding {@link #query()}: its id addresses the query result. */
  public Optional<GenieAttachment> queryAttachment() {
    return attachments().stream().filter(a -> a.query().isPresent()).findFirst();
  }

  /**
   * Every query attachment, in order: a message may carry several queries, each with its own result
   * ({@code GenieClient.queryResult(answer, attachmentId)}).
   */
  public List<GenieAttachment> queryAttachments() {
    return attachments().stream().filter(a -> a.query().isPresent()).collect(Collectors.toUnmodifiableList());
  }

  /** Follow-up questions Genie suggests, from every suggested-questions attachment. */
  public List<String> suggestedQuestions() {
    return attachments().stream()
        .flatMap(a -> a.suggestedQuestions().stream())
        .flatMap(s -> s.questions().stream())
        .collect(Collectors.toUnmodifiableList());
  }

  /**
   * Every part of the answer (text, queries, suggested questions, unknown kinds), in the order the
   * server sent them.
   */
  public List<GenieAttachment> attachments() {
    return message().attachments();
  }

  /** Whether the query result expired; {@code queryResult} then re-executes the query first. */
  public boolean isQueryResultExpired() {
    return status() == GenieMessageStatus.QUERY_RESULT_EXPIRED;
  }
}
