package dev.kiln.genie;

import dev.kiln.core.DatabricksClient;
import dev.kiln.core.testing.FakeSleeper;
import dev.kiln.core.testing.TestClients;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** One MockWebServer, a sleeper that never waits, and a GenieClient on them, fresh for each test. */
abstract class GenieTestBase {
  @StartStop
  final MockWebServer server = new MockWebServer();

  final FakeSleeper sleeper = new FakeSleeper();
  DatabricksClient db;
  GenieClient genie;

  @BeforeEach
  void startClient() {
    db = TestClients.forUrl(server.url("/").toString(), sleeper);
    genie = GenieClient.create(db);
  }

  @AfterEach
  void closeClient() {
    db.close();
  }
}
