package dev.kiln.genie.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A question in a conversation and, as it progresses, Genie's answer to it. */
@Value.Immutable
@JsonSerialize(as = GenieMessage.class)
@JsonDeserialize(as = GenieMessage.class)
abstract class GenieMessageDef {
  /** {@code message_id}; older responses only send the deprecated {@code id}, read as well. */
  @JsonProperty("message_id")
  @JsonAlias("id")
  public abstract String messageId();

  /** The conversation the message belongs to. */
  @JsonProperty("conversation_id")
  public abstract String conversationId();

  /** The space the message was asked in, when the server sent it. */
  @JsonProperty("space_id")
  public abstract Optional<String> spaceId();

  /** The question as asked. */
  @JsonProperty("content")
  public abstract Optional<String> content();

  /**
   * The status exactly as sent, kept for statuses newer than this SDK ({@link #status()} is then
   * {@code UNKNOWN}); {@code "UNKNOWN"} when the server sent none.
   */
  @JsonProperty("status")
  @Value.Default
  public String rawStatus() {
    return GenieMessageStatus.UNKNOWN.name();
  }

  /**
   * The answer's parts (text, queries, suggested questions) in the order sent; empty until Genie
   * has answered.
   */
  @JsonProperty("attachments")
  public abstract List<GenieAttachment> attachments();

  /** Set when the status is FAILED. */
  @JsonProperty("error")
  public abstract Optional<GenieMessageError> error();

  /** The caller's rating of this message, once given ({@code GenieClient.sendFeedback}). */
  @JsonProperty("feedback")
  public abstract Optional<GenieFeedback> feedback();

  /** Milliseconds since the epoch. */
  @JsonProperty("created_timestamp")
  public abstract Optional<Long> createdTimestamp();

  /** Milliseconds since the epoch. */
  @JsonProperty("last_updated_timestamp")
  public abstract Optional<Long> lastUpdatedTimestamp();

  /** The typed status; {@code UNKNOWN} for one this SDK version does not know. */
  @JsonIgnore
  public GenieMessageStatus status() {
    return GenieMessageStatus.fromWire(rawStatus());
  }
}
