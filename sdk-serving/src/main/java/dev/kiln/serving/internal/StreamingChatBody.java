package dev.kiln.serving.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.kiln.serving.model.ChatRequest;
import java.util.Objects;

/** Wire body of a streamed chat: the request's fields followed by {@code "stream": true}. */
public final class StreamingChatBody {
  private final ChatRequest request;

  public StreamingChatBody(ChatRequest request) {
    this.request = Objects.requireNonNull(request, "request");
  }

  @JsonUnwrapped
  public ChatRequest request() {
    return request;
  }

  @JsonProperty("stream")
  public boolean stream() {
    return true;
  }
}
