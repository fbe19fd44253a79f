package dev.kiln.execution;

import static dev.kiln.execution.FakeWorkspace.CLUSTER;

import dev.kiln.core.DatabricksClient;
import dev.kiln.core.testing.FakeSleeper;
import dev.kiln.core.testing.TestClients;
import dev.kiln.execution.model.Language;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;

/** A fresh MockWebServer, fake workspace and client per test; the client is closed after it. */
abstract class ExecutionTestBase {
  @StartStop
  final MockWebServer server = newServer();
  final FakeSleeper sleeper = new FakeSleeper();
  FakeWorkspace ws;
  DatabricksClient db;
  ExecutionClient exec;

  /** Called before the server starts; a test class may configure it. */
  MockWebServer newServer() {
    return new MockWebServer();
  }

  void start(FakeWorkspace workspace) {
    start(workspace, TestClients.builder(server.url("/").toString(), sleeper));
  }

  void start(FakeWorkspace workspace, DatabricksClient.Builder client) {
    this.ws = workspace;
    server.setDispatcher(workspace);
    db = client.build();
    exec = ExecutionClient.create(db);
  }

  /** Starts on a running cluster and opens a Python context with the given id. */
  ExecutionContext startWithContext(String contextId) {
    start(FakeWorkspace.runningCluster());
    return open(contextId);
  }

  ExecutionContext open(String contextId) {
    ws.contextStarts(contextId);
    return exec.createContext(CLUSTER, Language.PYTHON);
  }

  @AfterEach
  void closeClient() {
    if (db != null) {
      db.close();
    }
  }
}
