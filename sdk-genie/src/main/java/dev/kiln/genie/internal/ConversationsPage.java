package dev.kiln.genie.internal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kiln.core.Page;
import dev.kiln.genie.model.GenieConversation;
import java.util.List;

/** {@code {conversations, next_page_token}}. */
final class ConversationsPage {
  private final List<GenieConversation> conversations;
  private final String nextPageToken;

  @JsonCreator
  ConversationsPage(
      @JsonProperty("conversations") List<GenieConversation> conversations,
      @JsonProperty("next_page_token") String nextPageToken) {
    this.conversations = conversations;
    this.nextPageToken = nextPageToken;
  }

  Page<GenieConversation> toPage() {
    return Page.of(conversations, nextPageToken);
  }
}
