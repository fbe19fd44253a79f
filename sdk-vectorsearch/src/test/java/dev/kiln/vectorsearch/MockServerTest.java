package dev.kiln.vectorsearch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.DatabricksClient;
import dev.kiln.core.testing.FakeSleeper;
import dev.kiln.core.testing.TestClients;
import dev.kiln.core.testing.Wire;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh MockWebServer and client per test; the wire helpers are core's shared {@link Wire}. */
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

  void enqueueJson(String singleQuotedJson) {
    server.enqueue(Wire.ok(singleQuotedJson));
  }

  void enqueue(int code, String singleQuotedJson) {
    server.enqueue(Wire.error(code, singleQuotedJson));
  }

  /**
   * Takes the next request and checks method, target (path + query), credentials and, when given,
   * the JSON body as a tree (null: the body is not checked).
   */
  RecordedRequest take(String method, String target, String singleQuotedBody) {
    return singleQuotedBody == null
        ? Wire.expect(server, method, target)
        : Wire.expectJson(server, method, target, singleQuotedBody);
  }

  static JsonNode bodyTree(RecordedRequest r) {
    return Wire.bodyTree(r);
  }

  static JsonNode tree(String singleQuotedJson) {
    return Wire.tree(singleQuotedJson);
  }
}
