package dev.kiln.serving;

import dev.kiln.core.DatabricksClient;
import dev.kiln.core.testing.FakeSleeper;
import dev.kiln.core.testing.TestClients;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh MockWebServer per test, and a ServingClient on a client whose sleeper never waits. */
abstract class ServingTestBase {
  @StartStop
  final MockWebServer server = new MockWebServer();

  final FakeSleeper sleeper = new FakeSleeper();
  DatabricksClient db;
  ServingClient serving;

  @BeforeEach
  void startClient() {
    db = TestClients.forUrl(server.url("/").toString(), sleeper);
    // these tests pin the workspace invocation shapes; routing to data planes is DataPlaneRoutingTest's
    serving = ServingClient.create(db, ServingOptions.builder().dataPlaneRouting(false).build());
  }

  @AfterEach
  void closeClient() {
    db.close();
  }
}
