package dev.kiln.catalog;

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
  static final String UC = "/api/2.1/unity-catalog";

  @StartStop final MockWebServer server = new MockWebServer();
  final FakeSleeper sleeper = new FakeSleeper();
  DatabricksClient db;
  CatalogClient uc;

  @BeforeEach
  void startClient() {
    db = TestClients.forUrl(server.url("/").toString(), sleeper);
    uc = CatalogClient.create(db);
  }

  @AfterEach
  void closeClient() {
    db.close();
  }

  void enqueueJson(String singleQuotedJson) {
    server.enqueue(Wire.ok(singleQuotedJson));
  }

  /** Method, target (path + query), credentials and, when given, the JSON body as a tree. */
  RecordedRequest take(String method, String target, String singleQuotedBody) {
    return singleQuotedBody == null
        ? Wire.expect(server, method, target)
        : Wire.expectJson(server, method, target, singleQuotedBody);
  }
}
