package dev.kiln.genie.internal;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of start-conversation and create-message: {@code {content}}. */
final class MessageContent {
  @JsonProperty("content")
  private final String content;

  MessageContent(String content) {
    this.content = content;
  }

  String content() {
    return content;
  }
}
