package dev.kiln.vectorsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.DatabricksClient;
import dev.kiln.core.Json;
import dev.kiln.core.testing.FakeSleeper;
import dev.kiln.core.testing.TestClients;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh MockWebServer and client per test, plus helpers to assert exactly what went over the wire. */
abstract class MockServerTest {
  @StartStop final MockWebServer server = new MockWebServer();
  final FakeSleeper sleeper = new FakeSleeper();
  DatabricksClient db;
  VectorSearchClient vs;

  @BeforeEach
  void startClient() {
    db = TestClients.forUrl(server.url("/").toString(), sleeper);
    vs = VectorSearchClient.create(db);
  }

  @AfterEach
  void closeClient() {
    db.close();
  }

  /** JSON written with single quotes for readability in Java strings (Java 11: no text blocks). */
  static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  void enqueueJson(String singleQuotedJson) {
    enqueue(200, singleQuotedJson);
  }

  void enqueue(int code, String singleQuotedJson) {
    server.enqueue(new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .body(json(singleQuotedJson))
        .build());
  }

  RecordedRequest take() throws InterruptedException {
    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
    assertNotNull(r, "expected a request");
    assertEquals("Bearer " + TestClients.TOKEN, r.getHeaders().get("Authorization"));
    return r;
  }

  /** Takes the next request and checks method, target (path + query) and, when given, the JSON body as a tree. */
  RecordedRequest take(String method, String target, String singleQuotedBody) throws Exception {
    RecordedRequest r = take();
    assertEquals(method, r.getMethod());
    assertEquals(target, r.getTarget());
    if (singleQuotedBody != null) {
      assertEquals("application/json", r.getHeaders().get("Content-Type"));
      assertEquals(tree(json(singleQuotedBody)), bodyTree(r));
    }
    return r;
  }

  static JsonNode bodyTree(RecordedRequest r) throws Exception {
    assertNotNull(r.getBody(), "request has no body");
    return tree(r.getBody().utf8());
  }

  static JsonNode tree(String json) throws Exception {
    return Json.mapper().readTree(json);
  }
}
