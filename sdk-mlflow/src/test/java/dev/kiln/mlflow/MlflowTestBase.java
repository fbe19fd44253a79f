package dev.kiln.mlflow;

import dev.kiln.core.DatabricksClient;
import dev.kiln.core.testing.FakeSleeper;
import dev.kiln.core.testing.TestClients;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh MockWebServer per test, and an MlflowClient on a client whose sleeper never waits. */
abstract class MlflowTestBase {
  /** The test clock's start, 2026-01-01T00:00:00Z, in milliseconds. */
  static final long NOW = 1767225600000L;

  @StartStop
  final MockWebServer server = new MockWebServer();

  final FakeSleeper sleeper = new FakeSleeper();
  DatabricksClient db;
  MlflowClient mlflow;

  @BeforeEach
  void startClient() {
    db = TestClients.forUrl(server.url("/").toString(), sleeper);
    mlflow = MlflowClient.create(db);
  }

  @AfterEach
  void closeClient() {
    db.close();
  }

  static String runJson(String runId, String status) {
    return "{'run': {'info': {'run_id': '" + runId + "', 'experiment_id': '7', 'status': '" + status
        + "', 'start_time': " + NOW + ", 'artifact_uri': 'dbfs:/databricks/mlflow-tracking/7/" + runId
        + "/artifacts', 'lifecycle_stage': 'active'}, 'data': {}}}";
  }

  static String runInfoJson(String runId, String status) {
    return "{'run_info': {'run_id': '" + runId + "', 'status': '" + status + "', 'end_time': " + NOW + "}}";
  }
}
