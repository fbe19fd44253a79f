package dev.kiln.serving;

import static dev.kiln.core.testing.Wire.expectJsonPost;
import static dev.kiln.core.testing.Wire.ok;
import static dev.kiln.core.testing.Wire.tree;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.testing.Wire;
import dev.kiln.core.DatabricksClient;
import dev.kiln.core.Json;
import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.core.testing.FakeSleeper;
import dev.kiln.core.testing.TestClients;
import dev.kiln.serving.model.ChatChoice;
import dev.kiln.serving.model.ChatCompletion;
import dev.kiln.serving.model.ChatMessage;
import dev.kiln.serving.model.ChatRequest;
import dev.kiln.serving.model.Completion;
import dev.kiln.serving.model.CompletionRequest;
import dev.kiln.serving.model.ContentPart;
import dev.kiln.serving.model.EmbeddingsRequest;
import dev.kiln.serving.model.EmbeddingsResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

class FoundationModelTest extends ServingTestBase {
  static final String LLAMA = "/serving-endpoints/databricks-llama/invocations";

  @Test
  void chatAsInTheReadmeWithStringContent() {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .addHeader("served-model-name", "llama-3-70b")
        .body(Wire.json("{'id': 'chatcmpl-1', 'object': 'chat.completion', 'model': 'llama-3-70b', 'created': 1767225600,"
            + " 'choices': [{'index': 0, 'message': {'role': 'assistant', 'content': 'Hi there!'}, 'finish_reason': 'stop'}],"
            + " 'usage': {'prompt_tokens': 9, 'completion_tokens': 3, 'total_tokens': 12}}"))
        .build());

    ChatCompletion answer = serving.chat("databricks-llama",
        ChatRequest.builder().addMessages(ChatMessage.user("Hello")).maxTokens(100).build());

    expectJsonPost(server, LLAMA, "{'messages': [{'role': 'user', 'content': 'Hello'}], 'max_tokens': 100}");
    assertEquals(Optional.of("chatcmpl-1"), answer.id());
    assertEquals(Optional.of("llama-3-70b"), answer.model());
    assertEquals(Optional.of(Instant.parse("2026-01-01T00:00:00Z")), answer.createdAt());
    ChatChoice choice = answer.choices().get(0);
    assertEquals("assistant", choice.message().role());
    assertEquals("Hi there!", choice.message().content());
    assertEquals("Hi there!", answer.content());
    assertEquals(Optional.of("stop"), choice.finishReason());
    assertEquals(12, answer.usage().orElseThrow().totalTokens());
    assertEquals(9, answer.usage().orElseThrow().promptTokens());
    assertEquals(Optional.of("llama-3-70b"), answer.servedModelName());
  }

  @Test
  void chatWithArrayContentGivesTextAndParts() {
    server.enqueue(ok("{'choices': [{'message': {'role': 'assistant', 'content': ["
        + "{'type': 'reasoning', 'summary': [{'type': 'summary_text', 'text': 'thinking...'}]},"
        + "{'type': 'text', 'text': 'The answer '}, {'type': 'text', 'text': 'is 42.'}]}, 'finish_reason': 'stop'}]}"));

    ChatCompletion answer = serving.chat("databricks-llama", ChatRequest.builder()
        .addMessages(ChatMessage.system("Be brief."), ChatMessage.user("Meaning of life?"))
        .build());

    ChatMessage m = answer.choices().get(0).message();
    assertEquals("The answer is 42.", m.content(), "only text parts make up the text");
    assertEquals(List.of("reasoning", "text", "text"), m.contentParts().stream().map(ContentPart::type).collect(Collectors.toList()));
    assertEquals("thinking...", m.contentParts().get(0).json().at("/summary/0/text").asText());
    assertEquals(Optional.empty(), m.contentParts().get(0).text());
    assertEquals(Optional.of("is 42."), m.contentParts().get(2).text());
  }

  @Test
  void chatRequestWithEveryOption() {
    server.enqueue(ok("{'choices': []}"));

    ChatCompletion answer = serving.chat("databricks-llama", ChatRequest.builder()
        .addMessages(ChatMessage.system("You are terse."))
        .addMessages(ChatMessage.user("Hi"), ChatMessage.assistant("Hello."))
        .addMessages(ChatMessage.of("user", List.of(ContentPart.ofText("Describe"),
            ContentPart.of(tree("{'type': 'image_url', 'image_url': {'url': 'https://img.example/x.png'}}")))))
        .maxTokens(50)
        .temperature(0.2)
        .n(2)
        .addStop("\n\n")
        .putExtraParams("top_p", "0.9")
        .clientRequestId("c-1")
        .putUsageContext("app", "kiln")
        .build());

    expectJsonPost(server, LLAMA, "{'messages': [{'role': 'system', 'content': 'You are terse.'},"
        + " {'role': 'user', 'content': 'Hi'}, {'role': 'assistant', 'content': 'Hello.'},"
        + " {'role': 'user', 'content': [{'type': 'text', 'text': 'Describe'},"
        + "   {'type': 'image_url', 'image_url': {'url': 'https://img.example/x.png'}}]}],"
        + " 'max_tokens': 50, 'temperature': 0.2, 'n': 2, 'stop': ['\\n\\n'], 'extra_params': {'top_p': '0.9'},"
        + " 'client_request_id': 'c-1', 'usage_context': {'app': 'kiln'}}");
    assertEquals("", answer.content());
  }

  @Test
  void chatRequestsAreValidatedWhenBuilt() {
    assertThrows(InvalidRequestException.class, () -> ChatRequest.builder().build());
    assertThrows(InvalidRequestException.class,
        () -> ChatRequest.builder().addMessages(ChatMessage.user("x")).maxTokens(0).build());
    assertThrows(InvalidRequestException.class,
        () -> ChatRequest.builder().addMessages(ChatMessage.user("x")).temperature(-0.1).build());
    assertThrows(InvalidRequestException.class,
        () -> ChatRequest.builder().addMessages(ChatMessage.user("x")).n(0).build());
    assertThrows(InvalidRequestException.class, () -> EmbeddingsRequest.builder().build());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void chatMessagesRoundTripThroughJson() throws Exception {
    ChatMessage m = ChatMessage.user("Hello");
    String json = Json.mapper().writeValueAsString(m);
    assertEquals(tree("{'role': 'user', 'content': 'Hello'}"), Json.mapper().readTree(json));
    assertEquals(m, Json.mapper().readValue(json, ChatMessage.class));
  }

  @Test
  void completions() {
    server.enqueue(ok("{'id': 'cmpl-1', 'object': 'text_completion', 'model': 'mpt',"
        + " 'choices': [{'index': 0, 'text': ' there was a model.', 'finish_reason': 'length'}],"
        + " 'usage': {'prompt_tokens': 3, 'completion_tokens': 5, 'total_tokens': 8}}"));

    Completion c = serving.completions("databricks-mpt", CompletionRequest.builder()
        .prompt("Once upon a time").maxTokens(5).temperature(0.0).addStop(".").build());

    expectJsonPost(server, "/serving-endpoints/databricks-mpt/invocations",
        "{'prompt': 'Once upon a time', 'max_tokens': 5, 'temperature': 0.0, 'stop': ['.']}");
    assertEquals(" there was a model.", c.text());
    assertEquals(Optional.of("length"), c.choices().get(0).finishReason());
    assertEquals(8, c.usage().orElseThrow().totalTokens());
  }

  @Test
  void embeddingsDecodeToFloatVectorsInInputOrder() throws Exception {
    server.enqueue(ok("{'object': 'list', 'model': 'bge-large-en',"
        + " 'data': [{'object': 'embedding', 'index': 1, 'embedding': [0.5, -1.25]},"
        + "          {'object': 'embedding', 'index': 0, 'embedding': [0.125, 3.0e-2]}],"
        + " 'usage': {'prompt_tokens': 4, 'total_tokens': 4}}"));

    EmbeddingsResponse r = serving.embeddingsAsync("databricks-bge-large-en",
        EmbeddingsRequest.builder().addInput("first", "second").putExtraParams("instruction", "Represent this").build())
        .get(5, TimeUnit.SECONDS);

    expectJsonPost(server, "/serving-endpoints/databricks-bge-large-en/invocations",
        "{'input': ['first', 'second'], 'extra_params': {'instruction': 'Represent this'}}");
    assertEquals(2, r.vectors().size());
    assertArrayEquals(new float[] {0.125f, 0.03f}, r.vectors().get(0));
    assertArrayEquals(new float[] {0.5f, -1.25f}, r.vectors().get(1));
    assertEquals(1, r.data().get(0).index());
    assertEquals(0, r.usage().orElseThrow().completionTokens());
    assertEquals(Optional.of("bge-large-en"), r.model());
  }

  @Test
  void singleEmbeddingInputIsStillAnArray() {
    server.enqueue(ok("{'data': [{'index': 0, 'embedding': [1]}]}"));

    serving.embeddings("e5", EmbeddingsRequest.of("only one"));

    expectJsonPost(server, "/serving-endpoints/e5/invocations", "{'input': ['only one']}");
  }

  @Test
  void asyncTwinsReturnTheSameAnswers() throws Exception {
    server.enqueue(ok("{'choices': [{'message': {'role': 'assistant', 'content': 'async'}}]}"));
    server.enqueue(ok("{'choices': [{'text': 'async text'}]}"));

    ChatCompletion chat = serving.chatAsync("databricks-llama",
        ChatRequest.builder().addMessages(ChatMessage.user("x")).build()).get(5, TimeUnit.SECONDS);
    Completion text = serving.completionsAsync("databricks-llama",
        CompletionRequest.builder().prompt("x").build()).get(5, TimeUnit.SECONDS);

    assertEquals("async", chat.content());
    assertEquals("async text", text.text());
    assertEquals(Map.of(), ChatRequest.builder().addMessages(ChatMessage.user("x")).build().extraParams());
  }

  @Test
  void completionRequestsAreValidatedLikeChat() {
    assertThrows(InvalidRequestException.class, () -> CompletionRequest.builder().prompt("x").maxTokens(0).build());
    assertThrows(InvalidRequestException.class, () -> CompletionRequest.builder().prompt("x").temperature(-0.1).build());
    assertThrows(InvalidRequestException.class, () -> CompletionRequest.builder().prompt("x").n(0).build());
  }

  @Test
  void sharedGenerationParamsKeepTheirWireNamesAndOrder() throws Exception {
    ChatRequest chat = ChatRequest.builder().addMessages(ChatMessage.user("Hi")).maxTokens(5).temperature(0.5).n(2)
        .addStop("x").putExtraParams("top_k", "5").clientRequestId("c-1").putUsageContext("app", "kiln").build();
    CompletionRequest completion = CompletionRequest.builder().prompt("Once").from(chat).build();

    String shared = "\"max_tokens\":5,\"temperature\":0.5,\"n\":2,\"stop\":[\"x\"],\"extra_params\":{\"top_k\":\"5\"},"
        + "\"client_request_id\":\"c-1\",\"usage_context\":{\"app\":\"kiln\"}";
    assertEquals("{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]," + shared + "}",
        Json.mapper().writeValueAsString(chat));
    assertEquals("{\"prompt\":\"Once\"," + shared + "}", Json.mapper().writeValueAsString(completion));
  }

  @Test
  void answersKeepTheirWireOrder() throws Exception {
    String json = "{\"id\":\"c1\",\"object\":\"chat.completion\",\"model\":\"m\",\"created\":1767225600,"
        + "\"choices\":[],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":2,\"total_tokens\":3}}";
    ChatCompletion answer = Json.mapper().readValue(json, ChatCompletion.class);
    assertEquals(json, Json.mapper().writeValueAsString(answer));
    assertEquals(Optional.of(Instant.ofEpochSecond(1767225600)), answer.createdAt());
  }

  @Test
  void cancellingAnAsyncCallCancelsTheCallItself() throws Exception {
    CompletableFuture<CompletableFuture<Void>> backingOff = new CompletableFuture<>();
    try (DatabricksClient client = TestClients.builder(server.url("/").toString(), new FakeSleeper())
        .sleeper(delay -> {
          CompletableFuture<Void> sleep = new CompletableFuture<>();
          backingOff.complete(sleep);
          return sleep;
        })
        .build()) {
      server.enqueue(new MockResponse.Builder().code(503).body("{\"error_code\": \"TEMPORARILY_UNAVAILABLE\"}").build());

      CompletableFuture<ChatCompletion> answer = ServingClient.create(client, ServingOptions.builder().dataPlaneRouting(false).build())
          .chatAsync("databricks-llama", ChatRequest.builder().addMessages(ChatMessage.user("x")).build());
      CompletableFuture<Void> sleep = backingOff.get(5, TimeUnit.SECONDS); // the 503 came back; a retry is pending
      // The pipeline registers its retry on the backoff right after taking it from the sleeper.
      assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
        while (sleep.getNumberOfDependents() == 0) {
          Thread.onSpinWait();
        }
      });
      answer.cancel(true);

      assertTrue(sleep.isCancelled(), "the retry was called off");
      assertEquals(1, server.getRequestCount());
    }
  }
}
