package dev.kiln.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Model Serving on the wire: endpoints, the built-in models, streaming, custom handlers. */
class ServingApiTest {
  static final Duration ENDPOINT_START = Duration.ofMinutes(5);
  // Endpoint start-up follows the workspace clock: the test advances it instead of waiting.
  static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-01-31T10:00:00Z"));
  static LocalWorkspace ws;
  static Wire wire;

  @BeforeAll
  static void start() {
    ws = LocalWorkspace.builder().clock(CLOCK).servingEndpointStartTime(ENDPOINT_START).start();
    wire = new Wire(ws);
  }

  @AfterAll
  static void stop() {
    ws.close();
  }

  @Test
  void theBuiltInEndpointsAreListedAndReady() {
    List<String> names = new ArrayList<>();
    wire.get("/api/2.0/serving-endpoints").json().path("endpoints").forEach(e -> names.add(e.path("name").asText()));
    assertTrue(names.containsAll(List.of("databricks-llama", "databricks-bge-large-en", "bir-tax-forecaster")), names.toString());

    JsonNode llama = wire.get("/api/2.0/serving-endpoints/databricks-llama").json();
    assertEquals("READY", llama.at("/state/ready").asText());
    assertEquals("NOT_UPDATING", llama.at("/state/config_update").asText());
    assertEquals("llm/v1/chat", llama.path("task").asText());
    assertEquals("databricks-llama", llama.at("/config/served_entities/0/entity_name").asText());
    assertTrue(llama.path("creation_timestamp").asLong() > 0);
  }

  @Test
  void unknownEndpointsAre404() {
    Wire.Reply get = wire.get("/api/2.0/serving-endpoints/nope");
    assertEquals(404, get.status);
    assertEquals("RESOURCE_DOES_NOT_EXIST", get.json().path("error_code").asText());
    assertEquals(404, wire.post("/serving-endpoints/nope/invocations", Wire.object().put("input", "x")).status);
  }

  @Test
  void theChatModelEchoesTheLastUserMessage() {
    Wire.Reply reply = wire.post("/serving-endpoints/databricks-llama/invocations", chat("What is the VAT rate?"));
    assertEquals(200, reply.status, reply.body);
    assertEquals("databricks-llama", reply.headers.firstValue("served-model-name").orElse(""));
    JsonNode body = reply.json();
    assertEquals("chat.completion", body.path("object").asText());
    assertEquals("databricks-llama", body.path("model").asText());
    assertEquals("assistant", body.at("/choices/0/message/role").asText());
    assertEquals("What is the VAT rate?", body.at("/choices/0/message/content").asText());
    assertEquals("stop", body.at("/choices/0/finish_reason").asText());
    assertEquals(5, body.at("/usage/completion_tokens").asInt());
    assertEquals(body.at("/usage/prompt_tokens").asInt() + 5, body.at("/usage/total_tokens").asInt());

    JsonNode cut = wire.post("/serving-endpoints/databricks-llama/invocations",
        chat("one two three four").put("max_tokens", 2)).json();
    assertEquals("one two", cut.at("/choices/0/message/content").asText());
    assertEquals("length", cut.at("/choices/0/finish_reason").asText());

    JsonNode completion = wire.post("/serving-endpoints/databricks-llama/invocations",
        Wire.object().put("prompt", "Once upon")).json();
    assertEquals("text_completion", completion.path("object").asText());
    assertEquals("Once upon", completion.at("/choices/0/text").asText());
  }

  @Test
  void streamingAnswersServerSentEventsWordByWord() {
    Wire.Reply reply = wire.post("/serving-endpoints/databricks-llama/invocations",
        chat("file the return today").put("stream", true));
    assertEquals(200, reply.status, reply.body);
    assertTrue(reply.headers.firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
    assertEquals("databricks-llama", reply.headers.firstValue("served-model-name").orElse(""));

    List<String> frames = new ArrayList<>();
    for (String event : reply.body.split("\n\n")) {
      assertTrue(event.startsWith("data: "), event);
      frames.add(event.substring("data: ".length()));
    }
    assertEquals("[DONE]", frames.get(frames.size() - 1));
    StringBuilder text = new StringBuilder();
    List<String> words = new ArrayList<>();
    for (String frame : frames.subList(0, frames.size() - 2)) {
      JsonNode chunk = parse(frame);
      assertEquals("chat.completion.chunk", chunk.path("object").asText());
      assertTrue(chunk.at("/choices/0/finish_reason").isNull());
      words.add(chunk.at("/choices/0/delta/content").asText());
      text.append(chunk.at("/choices/0/delta/content").asText());
    }
    assertEquals(List.of("file ", "the ", "return ", "today"), words);
    assertEquals("file the return today", text.toString());
    JsonNode last = parse(frames.get(frames.size() - 2));
    assertEquals("stop", last.at("/choices/0/finish_reason").asText());
    assertTrue(last.at("/choices/0/delta").isEmpty());
  }

  @Test
  void embeddingsAreDeterministicNormalisedAndSimilarForSimilarTexts() {
    ArrayNode input = Wire.JSON.createArrayNode()
        .add("withholding tax on compensation")
        .add("withholding tax on compensation")
        .add("tax on compensation income")
        .add("basketball game tonight");
    Wire.Reply reply = wire.post("/serving-endpoints/databricks-bge-large-en/invocations",
        Wire.object().set("input", input));
    assertEquals(200, reply.status, reply.body);
    JsonNode body = reply.json();
    assertEquals("list", body.path("object").asText());
    assertEquals("embedding", body.at("/data/0/object").asText());
    assertEquals(3, body.at("/data/3/index").asInt());
    double[][] vectors = new double[4][];
    for (int i = 0; i < 4; i++) {
      JsonNode embedding = body.at("/data/" + i + "/embedding");
      assertEquals(1024, embedding.size());
      vectors[i] = new double[embedding.size()];
      for (int d = 0; d < embedding.size(); d++) {
        vectors[i][d] = embedding.get(d).asDouble();
      }
    }
    assertEquals(1.0, dot(vectors[0], vectors[0]), 1e-5);
    assertEquals(1.0, dot(vectors[0], vectors[1]), 1e-6);
    assertTrue(dot(vectors[0], vectors[2]) > dot(vectors[0], vectors[3]) + 0.3,
        dot(vectors[0], vectors[2]) + " vs " + dot(vectors[0], vectors[3]));

    JsonNode single = wire.post("/serving-endpoints/databricks-bge-large-en/invocations",
        Wire.object().put("input", "withholding tax on compensation")).json();
    assertEquals(body.at("/data/0/embedding"), single.at("/data/0/embedding"));
  }

  @Test
  void theForecasterPredictsFromDataframeRecordsAndSplits() {
    ArrayNode records = Wire.JSON.createArrayNode();
    records.addObject().put("prev_month_wht", 100.0).put("agency", "RDO-44");
    records.addObject().put("prev_month_wht", 2000);
    Wire.Reply reply = wire.post("/serving-endpoints/bir-tax-forecaster/invocations",
        Wire.object().set("dataframe_records", records));
    assertEquals(200, reply.status, reply.body);
    assertEquals("bir-tax-forecaster", reply.headers.firstValue("served-model-name").orElse(""));
    assertEquals(105.0, reply.json().at("/predictions/0").asDouble(), 1e-9);
    assertEquals(2100.0, reply.json().at("/predictions/1").asDouble(), 1e-9);

    ObjectNode split = Wire.object();
    split.putObject("dataframe_split").set("columns", Wire.JSON.createArrayNode().add("prev_month_wht"));
    ((ObjectNode) split.get("dataframe_split")).putArray("data").addArray().add(10);
    assertEquals(10.5, wire.post("/serving-endpoints/bir-tax-forecaster/invocations", split).json()
        .at("/predictions/0").asDouble(), 1e-9);

    ArrayNode missing = Wire.JSON.createArrayNode();
    missing.addObject().put("month", 3);
    Wire.Reply bad = wire.post("/serving-endpoints/bir-tax-forecaster/invocations",
        Wire.object().set("dataframe_records", missing));
    assertEquals(400, bad.status);
    assertEquals("BAD_REQUEST", bad.json().path("error_code").asText());
    assertTrue(bad.json().path("message").asText().contains("prev_month_wht"));
  }

  @Test
  void aBodyInNoKnownFormIsABadRequest() {
    Wire.Reply tabular = wire.post("/serving-endpoints/bir-tax-forecaster/invocations", Wire.object().put("rows", 1));
    assertEquals(400, tabular.status);
    assertEquals("BAD_REQUEST", tabular.json().path("error_code").asText());
    Wire.Reply chat = wire.post("/serving-endpoints/databricks-llama/invocations", Wire.object().put("input", "x"));
    assertEquals(400, chat.status);
    Wire.Reply embeddings = wire.post("/serving-endpoints/databricks-bge-large-en/invocations",
        Wire.object().put("input", 5));
    assertEquals(400, embeddings.status);
    Wire.Reply noStream = wire.post("/serving-endpoints/bir-tax-forecaster/invocations",
        Wire.object().put("stream", true).set("instances", Wire.JSON.createArrayNode().add(
            Wire.object().put("prev_month_wht", 1))));
    assertEquals(400, noStream.status);
  }

  @Test
  void theOpenApiDocumentDescribesTheInvocation() {
    JsonNode doc = wire.get("/api/2.0/serving-endpoints/databricks-llama/openapi").json();
    assertEquals("3.1.0", doc.path("openapi").asText());
    assertEquals(ws.host() + "/serving-endpoints/databricks-llama", doc.at("/servers/0/url").asText());
    JsonNode schema = doc.at("/paths/~1invocations/post/requestBody/content/application~1json/schema");
    assertTrue(schema.at("/properties/messages").isObject(), doc.toString());
    assertTrue(doc.at("/paths/~1invocations/post/responses/200").isObject());
  }

  @Test
  void javaHandlersAnswerTheirEndpoint() {
    ws.addServingEndpoint("churn-scorer", body -> {
      ObjectNode reply = Wire.object();
      ArrayNode predictions = reply.putArray("predictions");
      body.path("dataframe_records").forEach(row -> predictions.add(row.path("tenure").asInt() < 3 ? 0.9 : 0.1));
      if (body.has("boom")) {
        throw new IllegalArgumentException("no boom allowed");
      }
      return reply;
    });
    ArrayNode rows = Wire.JSON.createArrayNode();
    rows.addObject().put("tenure", 1);
    rows.addObject().put("tenure", 12);
    Wire.Reply reply = wire.post("/serving-endpoints/churn-scorer/invocations", Wire.object().set("dataframe_records", rows));
    assertEquals(200, reply.status, reply.body);
    assertEquals("[0.9,0.1]", reply.json().path("predictions").toString());
    assertEquals("churn-scorer", reply.headers.firstValue("served-model-name").orElse(""));
    Wire.Reply rejected = wire.post("/serving-endpoints/churn-scorer/invocations", Wire.object().put("boom", 1));
    assertEquals(400, rejected.status);
    assertEquals("no boom allowed", rejected.json().path("message").asText());
  }

  @Test
  void aCreatedEndpointIsNotReadyThenReady() {
    ObjectNode create = Wire.object().put("name", "my-embedder");
    create.putObject("config").putArray("served_entities").addObject()
        .put("entity_name", "databricks-bge-large-en").put("entity_version", "1")
        .put("workload_size", "Small").put("scale_to_zero_enabled", true);
    Wire.Reply created = wire.post("/api/2.0/serving-endpoints", create);
    assertEquals(200, created.status, created.body);
    assertEquals("NOT_READY", created.json().at("/state/ready").asText());
    assertEquals("IN_PROGRESS", created.json().at("/state/config_update").asText());
    assertEquals(503, wire.post("/serving-endpoints/my-embedder/invocations", Wire.object().put("input", "x")).status);

    CLOCK.advance(ENDPOINT_START);
    assertEquals("READY", wire.get("/api/2.0/serving-endpoints/my-embedder").json().at("/state/ready").asText());
    Wire.Reply invoked = wire.post("/serving-endpoints/my-embedder/invocations", Wire.object().put("input", "x"));
    assertEquals(200, invoked.status, invoked.body);
    assertEquals(1024, invoked.json().at("/data/0/embedding").size());
    assertEquals("databricks-bge-large-en-1", invoked.headers.firstValue("served-model-name").orElse(""));

    assertEquals(409, wire.post("/api/2.0/serving-endpoints", create).status);
    Wire.Reply badName = wire.post("/api/2.0/serving-endpoints", create.deepCopy().put("name", "bad name!"));
    assertEquals(400, badName.status);
    assertNotEquals(0, badName.json().path("message").asText().length());
  }

  private static ObjectNode chat(String question) {
    ObjectNode body = Wire.object();
    ArrayNode messages = body.putArray("messages");
    messages.addObject().put("role", "system").put("content", "You are terse.");
    messages.addObject().put("role", "user").put("content", question);
    return body;
  }

  private static JsonNode parse(String json) {
    try {
      return Wire.JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new AssertionError(json, e);
    }
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }
}
