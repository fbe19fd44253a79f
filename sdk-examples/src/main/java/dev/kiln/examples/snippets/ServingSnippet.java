package dev.kiln.examples.snippets;

import dev.kiln.serving.ServingClient;
import dev.kiln.serving.model.ChatCompletion;
import dev.kiln.serving.model.ChatCompletionChunk;
import dev.kiln.serving.model.ChatMessage;
import dev.kiln.serving.model.ChatRequest;
import dev.kiln.serving.model.InvocationRequest;
import dev.kiln.serving.model.InvocationResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** README "Serving": a prediction, a chat completion and a streamed chat reply. */
@SuppressWarnings("unused") // snippets declare variables to show what a call returns
final class ServingSnippet {
  private ServingSnippet() {}

  static List<String> run(dev.kiln.core.DatabricksClient db) {
    // snippet:serving
    ServingClient serving = ServingClient.create(db);
    InvocationResponse p = serving.query("bir-tax-forecaster",
            InvocationRequest.dataframeRecords(List.of(Map.of("prev_month_wht", 50000.0))));
    double forecast = p.predictionsAsDoubles()[0];
    ChatRequest request = ChatRequest.builder().addMessages(ChatMessage.user("Hello")).maxTokens(100).build();
    ChatCompletion answer = serving.chat("databricks-llama", request);
    String reply = answer.content();
    StringBuilder streamed = new StringBuilder();
    try (Stream<ChatCompletionChunk> chunks = serving.chatStream("databricks-llama", request)) {
        chunks.forEach(chunk -> streamed.append(chunk.content()));          // token by token, as they arrive
    }
    // end-snippet
    return List.of(String.valueOf(forecast), reply, streamed.toString());
  }
}
