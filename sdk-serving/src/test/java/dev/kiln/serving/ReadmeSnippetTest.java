package dev.kiln.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kiln.core.testing.Wire;
import dev.kiln.core.DatabricksClient;
import dev.kiln.core.testing.FakeSleeper;
import dev.kiln.core.testing.TestClients;
import dev.kiln.serving.model.ChatCompletion;
import dev.kiln.serving.model.ChatCompletionChunk;
import dev.kiln.serving.model.ChatMessage;
import dev.kiln.serving.model.ChatRequest;
import dev.kiln.serving.model.InvocationRequest;
import dev.kiln.serving.model.InvocationResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

/** The README's Model Serving snippet, verbatim between the markers, run against a fake workspace. */
class ReadmeSnippetTest extends ServingTestBase {
  @Test
  void readmeSnippetRuns() {
    // the first call to each endpoint reads its description once, to know where it answers
    server.enqueue(Wire.ok("{'name': 'bir-tax-forecaster'}"));
    server.enqueue(Wire.ok("{'predictions': [51234.5]}"));
    server.enqueue(Wire.ok("{'name': 'databricks-llama'}"));
    server.enqueue(Wire.ok("{'choices': [{'message': {'role': 'assistant', 'content': 'Hi!'}}]}"));
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
        .body("data: {\"choices\": [{\"delta\": {\"content\": \"Hi\"}}]}\n\ndata: [DONE]\n\n").build());
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
        .body("data: {\"choices\": [{\"delta\": {\"content\": \"!\"}}]}\n\ndata: [DONE]\n\n").build());
    StringBuilder out = new StringBuilder();

    try (DatabricksClient db = TestClients.forUrl(server.url("/").toString(), new FakeSleeper())) {
      // README:BEGIN
      ServingClient serving = ServingClient.create(db);
      InvocationResponse p = serving.query("bir-tax-forecaster",
          InvocationRequest.dataframeRecords(List.of(Map.of("prev_month_wht", 50000.0))));
      double forecast = p.predictionsAsDoubles()[0];

      ChatRequest request = ChatRequest.builder().addMessages(ChatMessage.user("Hello")).maxTokens(100).build();
      ChatCompletion answer = serving.chat("databricks-llama", request);
      String text = answer.content();

      try (Stream<ChatCompletionChunk> chunks = serving.chatStream("databricks-llama", request)) {
        chunks.forEach(c -> out.append(c.content()));          // tokens as they arrive
      }
      serving.chatStreamAsync("databricks-llama", request, c -> out.append(c.content()))
          .join();                                              // no thread waits between chunks
      // README:END
      assertEquals(51234.5, forecast);
      assertEquals("Hi!", text);
    }
    assertEquals("Hi!", out.toString());
    assertEquals(6, server.getRequestCount(), "one lookup per endpoint, then the four calls");
  }
}
