package dev.kiln.core.auth;

import dev.kiln.core.DatabricksClient;
import dev.kiln.core.testing.CapturedLogs;
import java.nio.file.Path;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workspace on MockWebServer, a temporary home and PATH ({@link AuthFixture}) whose environment names that
 * workspace as DATABRICKS_HOST, and empty captured logs; fresh for each test.
 */
abstract class AuthTestBase {
  @StartStop
  final MockWebServer workspace = new MockWebServer();

  @TempDir
  Path dir;

  AuthFixture fx;
  String host;

  @BeforeEach
  void setUpWorkspace() {
    host = workspace.url("/").toString().replaceAll("/$", "");
    fx = new AuthFixture(dir).set("DATABRICKS_HOST", host);
    CapturedLogs.clear();
  }

  /** One authenticated call to the workspace through {@code db}. */
  void call(DatabricksClient db) {
    AuthFixture.call(workspace, db);
  }
}
