package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.Arrays;
import java.util.function.Function;

/**
 * A chat and completions model that answers with the last user message (chat {@code messages}) or the
 * prompt (completions {@code prompt}), cut to {@code max_tokens} words ({@code finish_reason} {@code
 * length}), as OpenAI-style {@code chat.completion} / {@code text_completion} objects with word-count
 * {@code usage}. Streaming is added by the endpoint, which cuts the reply into chunks.
 */
final class EchoChatModel implements Function<JsonNode, JsonNode> {
  private final Clock clock;

  EchoChatModel(Clock clock) {
    this.clock = clock;
  }

  @Override
  public JsonNode apply(JsonNode request) {
    if (request.has("messages")) {
      return chat(request);
    }
    if (request.has("prompt")) {
      return completion(request);
    }
    throw new IllegalArgumentException(
        "Invalid input: expected 'messages' (a chat request) or 'prompt' (a completions request).");
  }

  private JsonNode chat(JsonNode request) {
    JsonNode messages = request.get("messages");
    if (!messages.isArray() || messages.isEmpty()) {
      throw new IllegalArgumentException("Invalid input: 'messages' must be a non-empty list of {role, content}.");
    }
    String lastUser = null;
    int promptWords = 0;
    for (JsonNode message : messages) {
      if (!message.isObject() || !message.path("role").isTextual()) {
        throw new IllegalArgumentException("Invalid input: each message needs a 'role' and 'content'.");
      }
      String content = contentText(message.get("content"));
      promptWords += TextTokens.countWords(content);
      if (message.path("role").asText().equals("user")) {
        lastUser = content;
      }
    }
    if (lastUser == null) {
      throw new IllegalArgumentException("Invalid input: 'messages' has no message with role 'user'.");
    }
    Reply reply = Reply.of(lastUser, maxTokens(request));
    ObjectNode json = header("chatcmpl-", "chat.completion");
    ArrayNode choices = json.putArray("choices");
    for (int i = 0; i < choiceCount(request); i++) {
      ObjectNode choice = choices.addObject().put("index", i);
      choice.putObject("message").put("role", "assistant").put("content", reply.text);
      choice.put("finish_reason", reply.finishReason);
      choice.putNull("logprobs");
    }
    usage(json, promptWords, reply.words * choiceCount(request));
    return json;
  }

  private JsonNode completion(JsonNode request) {
    JsonNode prompt = request.get("prompt");
    String[] prompts;
    if (prompt.isTextual()) {
      prompts = new String[] {prompt.asText()};
    } else if (prompt.isArray() && !prompt.isEmpty()) {
      prompts = new String[prompt.size()];
      for (int i = 0; i < prompts.length; i++) {
        if (!prompt.get(i).isTextual()) {
          throw new IllegalArgumentException("Invalid input: 'prompt' must be a string or a list of strings.");
        }
        prompts[i] = prompt.get(i).asText();
      }
    } else {
      throw new IllegalArgumentException("Invalid input: 'prompt' must be a string or a list of strings.");
    }
    ObjectNode json = header("cmpl-", "text_completion");
    ArrayNode choices = json.putArray("choices");
    int promptWords = 0;
    int completionWords = 0;
    for (String text : prompts) {
      Reply reply = Reply.of(text, maxTokens(request));
      choices.addObject().put("index", choices.size()).put("text", reply.text)
          .put("finish_reason", reply.finishReason).putNull("logprobs");
      promptWords += TextTokens.countWords(text);
      completionWords += reply.words;
    }
    usage(json, promptWords, completionWords);
    return json;
  }

  private ObjectNode header(String idPrefix, String object) {
    return Json.object().put("id", idPrefix + Ids.hex32()).put("object", object)
        .put("created", clock.instant().getEpochSecond());
  }

  private static void usage(ObjectNode json, int promptWords, int completionWords) {
    json.putObject("usage").put("prompt_tokens", promptWords).put("completion_tokens", completionWords)
        .put("total_tokens", promptWords + completionWords);
  }

  /** {@code content} as a string or a list of parts ({@code {"type": "text", "text": ...}}). */
  private static String contentText(JsonNode content) {
    if (content == null || content.isNull()) {
      return "";
    }
    if (content.isTextual()) {
      return content.asText();
    }
    if (content.isArray()) {
      StringBuilder text = new StringBuilder();
      for (JsonNode part : content) {
        if (part.path("type").asText().equals("text")) {
          text.append(part.path("text").asText());
        }
      }
      return text.toString();
    }
    throw new IllegalArgumentException("Invalid input: message 'content' must be a string or a list of parts.");
  }

  private static int maxTokens(JsonNode request) {
    JsonNode max = request.get("max_tokens");
    if (max == null || max.isNull()) {
      return Integer.MAX_VALUE;
    }
    if (!max.canConvertToInt() || max.asInt() < 1) {
      throw new IllegalArgumentException("Invalid input: 'max_tokens' must be a positive integer.");
    }
    return max.asInt();
  }

  private static int choiceCount(JsonNode request) {
    JsonNode n = request.get("n");
    return n == null || n.isNull() ? 1 : Math.max(1, Math.min(n.asInt(1), 16));
  }

  /** The echoed text, cut to the word budget. */
  private static final class Reply {
    final String text;
    final String finishReason;
    final int words;

    private Reply(String text, String finishReason, int words) {
      this.text = text;
      this.finishReason = finishReason;
      this.words = words;
    }

    static Reply of(String text, int maxWords) {
      String[] words = text.trim().isEmpty() ? new String[0] : text.trim().split("\\s+");
      if (words.length <= maxWords) {
        return new Reply(text, "stop", words.length);
      }
      return new Reply(String.join(" ", Arrays.copyOf(words, maxWords)), "length", maxWords);
    }
  }
}
