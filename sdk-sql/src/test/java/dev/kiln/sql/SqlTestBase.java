package dev.kiln.sql;

import dev.kiln.core.DatabricksClient;
import dev.kiln.core.testing.FakeSleeper;
import dev.kiln.core.testing.TestClients;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh MockWebServer per test, and a SqlClient on a client whose sleeper never waits. */
abstract class SqlTestBase {
  @StartStop
  final MockWebServer server = new MockWebServer();

  final FakeSleeper sleeper = new FakeSleeper();
  DatabricksClient db;
  SqlClient sql;

  @BeforeEach
  void startClient() {
    db = TestClients.forUrl(server.url("/").toString(), sleeper);
    sql = SqlClient.create(db);
  }

  @AfterEach
  void closeClient() {
    db.close();
  }
}
