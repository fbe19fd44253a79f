package dev.kiln.serving;

import static dev.kiln.core.testing.Wire.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.testing.Wire;
import dev.kiln.core.Json;
import dev.kiln.serving.model.ChatRequest;
import dev.kiln.serving.model.EmbeddingsRequest;
import dev.kiln.serving.model.InvocationRequest;
import dev.kiln.serving.model.ServingEndpoint;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Request models read back from JSON (the emulator serves these APIs from the same types). */
class ModelJsonTest {
  @Test
  void invocationRequestReadsEachForm() throws Exception {
    InvocationRequest records = Json.mapper().readValue(Wire.json("{'dataframe_records': [{'a': 1, 'b': null}]}"),
        InvocationRequest.class);
    InvocationRequest split = Json.mapper().readValue(Wire.json("{'dataframe_split': {'columns': ['a'], 'data': [[1]]}}"),
        InvocationRequest.class);

    assertEquals(1, records.dataframeRecords().orElseThrow().size());
    assertTrue(records.dataframeRecords().orElseThrow().get(0).containsKey("b"));
    assertEquals(List.of("a"), split.dataframeSplit().orElseThrow().columns());
    assertFalse(split.instances().isPresent());
  }

  @Test
  void chatAndEmbeddingsRequestsRoundTrip() throws Exception {
    String chat = Wire.json("{'messages': [{'role': 'user', 'content': [{'type': 'text', 'text': 'hi'}]}],"
        + " 'temperature': 0.5, 'stop': ['x'], 'extra_params': {'top_k': '5'}}");
    ChatRequest request = Json.mapper().readValue(chat, ChatRequest.class);
    assertEquals("hi", request.messages().get(0).content());
    assertEquals(tree(chat), Json.mapper().valueToTree(request));

    EmbeddingsRequest e = EmbeddingsRequest.builder().addInput("a").putUsageContext("k", "v").build();
    assertEquals(e, Json.mapper().readValue(Json.mapper().writeValueAsString(e), EmbeddingsRequest.class));
  }

  @Test
  void endpointWithoutOptionalPartsReads() throws Exception {
    ServingEndpoint e = Json.mapper().readValue("{\"name\": \"bare\"}", ServingEndpoint.class);
    assertEquals(List.of(), e.servedEntities());
    assertFalse(e.createdAt().isPresent());
  }
}
