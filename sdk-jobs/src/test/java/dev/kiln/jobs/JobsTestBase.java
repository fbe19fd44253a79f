package dev.kiln.jobs;

import dev.kiln.core.DatabricksClient;
import dev.kiln.core.testing.FakeSleeper;
import dev.kiln.core.testing.TestClients;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh MockWebServer per test, and a JobsClient on a client whose sleeper never waits. */
abstract class JobsTestBase {
  @StartStop
  final MockWebServer server = new MockWebServer();

  final FakeSleeper sleeper = new FakeSleeper();
  DatabricksClient db;
  JobsClient jobs;

  @BeforeEach
  void startClient() {
    db = TestClients.forUrl(server.url("/").toString(), sleeper);
    jobs = JobsClient.create(db);
  }

  @AfterEach
  void closeClient() {
    db.close();
  }
}
