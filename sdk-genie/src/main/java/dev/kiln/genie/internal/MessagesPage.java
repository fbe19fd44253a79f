package dev.kiln.genie.internal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kiln.core.Page;
import dev.kiln.genie.model.GenieMessage;
import java.util.List;

/** {@code {messages, next_page_token}}. */
final class MessagesPage {
  private final List<GenieMessage> messages;
  private final String nextPageToken;

  @JsonCreator
  MessagesPage(
      @JsonProperty("messages") List<GenieMessage> messages,
      @JsonProperty("next_page_token") String nextPageToken) {
    this.messages = messages;
    this.nextPageToken = nextPageToken;
  }

  Page<GenieMessage> toPage() {
    return Page.of(messages, nextPageToken);
  }
}
