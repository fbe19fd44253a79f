package dev.kiln.examples.snippets;

import dev.kiln.core.DatabricksClient;
import dev.kiln.core.auth.Credentials;

/** README "Connecting (sdk-core)". Compiled only: it addresses a real workspace. */
@SuppressWarnings("unused") // snippets declare variables to show what a call returns
final class CoreSnippet {
  private CoreSnippet() {}

  @SuppressWarnings("try") // the README's try block only holds a comment
  static void run() {
    // snippet:core
    try (DatabricksClient db = DatabricksClient.builder()
            .host("https://adb-1234567890.12.azuredatabricks.net")
            .credentials(Credentials.personalAccessToken(System.getenv("DATABRICKS_TOKEN")))
            .build()) {
        // SqlClient.create(db), ServingClient.create(db), ... share this one client
    }
    DatabricksClient fromEnv = DatabricksClient.fromEnvironment();   // env vars, then ~/.databrickscfg profile
    // end-snippet
    fromEnv.close();
  }
}
