package dev.kiln.genie.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One part of a Genie message: text, a query, suggested questions, or a kind newer than this SDK,
 * whose JSON is kept untouched in {@link #otherParts()}.
 */
@Value.Immutable
@JsonSerialize(as = GenieAttachment.class)
@JsonDeserialize(as = GenieAttachment.class)
abstract class GenieAttachmentDef {
  /** Needed to fetch or re-execute a query attachment's result. */
  @JsonProperty("attachment_id")
  public abstract Optional<String> attachmentId();

  /** The written answer, for a text attachment ({@code text} on the wire). */
  @JsonProperty("text")
  public abstract Optional<GenieText> text();

  /**
   * The generated SQL and the statement that ran it, for a query attachment ({@code query} on the
   * wire).
   */
  @JsonProperty("query")
  public abstract Optional<GenieQuery> query();

  /**
   * Proposed follow-up questions, for a suggested-questions attachment ({@code suggested_questions}
   * on the wire).
   */
  @JsonProperty("suggested_questions")
  public abstract Optional<GenieSuggestedQuestions> suggestedQuestions();

  /** Every other field as sent, e.g. an attachment kind added to the API after this SDK. */
  @JsonAnyGetter
  @JsonAnySetter
  public abstract Map<String, JsonNode> otherParts();

  /**
   * Which part this attachment carries, from the field present; {@code UNKNOWN} when none of text,
   * query or suggested questions is.
   */
  @JsonIgnore
  public GenieAttachmentKind kind() {
    if (text().isPresent()) {
      return GenieAttachmentKind.TEXT;
    }
    if (query().isPresent()) {
      return GenieAttachmentKind.QUERY;
    }
    if (suggestedQuestions().isPresent()) {
      return GenieAttachmentKind.SUGGESTED_QUESTIONS;
    }
    return GenieAttachmentKind.UNKNOWN;
  }
}
