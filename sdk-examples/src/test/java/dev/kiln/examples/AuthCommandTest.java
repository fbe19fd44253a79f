package dev.kiln.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthCommandTest {
  @TempDir
  Path home;

  @Test
  void describeShowsEachSettingsSourceAndTheMethodButNoSecret() {
    Cli.Result r = Cli.unconfigured(home).withEnv("DATABRICKS_HOST", "https://dbc-1.cloud.databricks.com")
        .withEnv("DATABRICKS_TOKEN", "dapi-cli-secret-1").run("auth", "describe");
    assertEquals(0, r.exitCode, r.toString());
    assertTrue(r.out.contains("host = https://dbc-1.cloud.databricks.com (env DATABRICKS_HOST)\n"), r.out);
    assertTrue(r.out.contains("token = *** (env DATABRICKS_TOKEN)\n"), r.out);
    assertTrue(r.out.contains("auth = pat (first to apply in the default chain)\n"), r.out);
    assertFalse(r.toString().contains("dapi-cli-secret-1"), r.toString());
  }

  @Test
  void theDefaultProfileOfSettingsIsUsedAndAnUnknownAuthTypeIsAConfigurationError() throws IOException {
    Files.write(home.resolve(".databrickscfg"), ("[__settings__]\ndefault_profile = staging\n"
        + "[staging]\nhost = https://staging.cloud.databricks.com\ntoken = dapi-staging-secret\n").getBytes(StandardCharsets.UTF_8));
    Cli.Result ok = Cli.unconfigured(home).run("auth", "describe");
    assertEquals(0, ok.exitCode, ok.toString());
    assertTrue(ok.out.contains("host = https://staging.cloud.databricks.com (profile staging of "), ok.out);

    Cli.Result bad = Cli.unconfigured(home).withEnv("DATABRICKS_AUTH_TYPE", "token").run("auth", "describe");
    assertEquals(1, bad.exitCode, bad.toString());
    assertTrue(bad.err.contains("unknown auth_type 'token'"), bad.err);
    assertFalse(bad.toString().contains("dapi-staging-secret"), bad.toString());
  }
}
