package dev.kiln.genie.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** A conversation in a space: a thread of questions where follow-ups keep the context. */
@Value.Immutable
@JsonSerialize(as = GenieConversation.class)
@JsonDeserialize(as = GenieConversation.class)
abstract class GenieConversationDef {
  /** The conversation's id, used to ask follow-ups and list its messages. */
  @JsonProperty("conversation_id")
  public abstract String conversationId();

  /** The space the conversation is in, when the server sent it. */
  @JsonProperty("space_id")
  public abstract Optional<String> spaceId();

  /** The conversation's title; Genie takes it from the first question. */
  @JsonProperty("title")
  public abstract Optional<String> title();

  /** Milliseconds since the epoch. */
  @JsonProperty("created_timestamp")
  public abstract Optional<Long> createdTimestamp();

  /** Milliseconds since the epoch. */
  @JsonProperty("last_updated_timestamp")
  public abstract Optional<Long> lastUpdatedTimestamp();
}
