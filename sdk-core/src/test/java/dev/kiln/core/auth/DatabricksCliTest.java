package dev.kiln.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.ApiRequest;
import dev.kiln.core.DatabricksClient;
import dev.kiln.core.DatabricksConfig;
import dev.kiln.core.error.ConfigurationException;
import dev.kiln.core.error.DatabricksClientException;
import dev.kiln.core.testing.Wire;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class DatabricksCliTest extends AuthTestBase {

  private static String cliJson(String token, String expiry) {
    return "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"refresh_token\":\"cli-refresh-secret\","
        + "\"expiry\":\"" + expiry + "\"}";
  }

  @Test
  void theCliLoginIsUsedAndRefreshedByRunningTheCliAgainNearExpiry() {
    fx.databricksCli("echo '" + cliJson("cli-token-1", "2026-01-01T01:00:00.123456789+01:00") + "'");
    try (DatabricksClient db = fx.client(fx.load())) {
      assertEquals("databricks-cli", db.config().credentials().authType());
      call(db);
      RecordedRequest api = Wire.take(workspace);
      assertEquals("Bearer cli-token-1", api.getHeaders().get("Authorization"));
      assertTrue(api.getHeaders().get("User-Agent").endsWith("auth/databricks-cli"));
      assertEquals(List.of("auth token --host " + host), fx.calls("databricks"));
      // the expiry is 00:00:00.12 UTC (an hour ahead of the offset): the token is already stale
      call(db);
      Wire.take(workspace);
      assertEquals(2, fx.calls("databricks").size());
    }
    AuthFixture.assertNoSecrets(List.of("cli-token-1", "cli-refresh-secret"));
  }

  @Test
  void aLongLivedTokenIsCachedUntilShortlyBeforeItsExpiry() {
    fx.databricksCli("echo '" + cliJson("cli-token-2", "2026-01-01T00:30:00Z") + "'");
    try (DatabricksClient db = fx.client(fx.load())) {
      call(db);
      fx.advance(Duration.ofMinutes(28));
      call(db);
      assertEquals(1, fx.calls("databricks").size());
      fx.advance(Duration.ofMinutes(1).plusSeconds(1));
      call(db);
      assertEquals(2, fx.calls("databricks").size());
    }
  }

  @Test
  void theCliPathIsConfigurableLikeTheOfficialDatabricksCliPath() throws Exception {
    Path elsewhere = java.nio.file.Files.createDirectories(dir.resolve("tools"));
    Path cli = fx.stub("my-databricks", "echo '" + cliJson("cli-token-3", "2026-01-01T01:00:00Z") + "'");
    java.nio.file.Files.move(cli, elsewhere.resolve("dbx"));
    fx.config("[DEFAULT]\nhost = " + host + "\nauth_type = databricks-cli\ndatabricks_cli_path = " + elsewhere.resolve("dbx") + "\n");
    fx.env.remove("DATABRICKS_HOST");
    DatabricksConfig config = fx.load();
    assertTrue(config.describe().contains("databricks_cli_path = " + elsewhere.resolve("dbx") + " (profile DEFAULT of "),
        config.describe());
    try (DatabricksClient db = fx.client(config)) {
      call(db);
      assertEquals("Bearer cli-token-3", Wire.take(workspace).getHeaders().get("Authorization"));
    }
  }

  @Test
  void aHostTheCliHasNoLoginForSaysHowToSignIn() {
    fx.databricksCli("echo 'Error: databricks OAuth is not configured for this host. Try logging in again with "
        + "`databricks auth login --host " + host + "` before retrying.' >&2\nexit 1");
    try (DatabricksClient db = fx.client(fx.load())) {
      DatabricksClientException e = assertThrows(DatabricksClientException.class, () -> call(db));
      assertTrue(e.getMessage().startsWith("databricks-cli: `databricks auth token --host " + host + "` failed (exit 1)"),
          e.getMessage());
      assertTrue(e.getMessage().endsWith("(sign in with `databricks auth login --host " + host + "`)"), e.getMessage());
    }
  }

  @Test
  void aMissingCliOrCliPathIsExplained() {
    ConfigurationException e = assertThrows(ConfigurationException.class, fx::load);
    assertTrue(e.getMessage().contains("databricks-cli: `databricks` was not found on the PATH"), e.getMessage());
    fx.set("DATABRICKS_CLI_PATH", dir.resolve("nope").toString());
    e = assertThrows(ConfigurationException.class, fx::load);
    assertTrue(e.getMessage().contains("databricks-cli: databricks_cli_path '" + dir.resolve("nope") + "' is not an executable"),
        e.getMessage());
  }

  @Test
  void theLegacyPythonCliOnThePathIsSkipped() {
    fx.stub("databricks", "echo 'Usage: databricks [OPTIONS] COMMAND'"); // a small launcher script
    ConfigurationException e = assertThrows(ConfigurationException.class, fx::load);
    assertTrue(e.getMessage().contains("databricks-cli: `databricks` on the PATH (" + fx.bin.resolve("databricks")
        + ") is the legacy Python CLI"), e.getMessage());
    fx.set("DATABRICKS_CLI_PATH", fx.bin.resolve("databricks").toString()); // named explicitly: used as told
    assertEquals("databricks-cli", fx.load().credentials().authType());
  }

  @Test
  void manyCallersAtExpiryRunTheCliOnce() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger runs = new AtomicInteger();
    fx.databricksCli("exit 99"); // found on the PATH; the runner below answers instead
    ProcessRunner runner = (command, environment, timeout) -> {
      runs.incrementAndGet();
      if (!release.await(10, TimeUnit.SECONDS)) {
        throw new AssertionError("never released");
      }
      return new ProcessRunner.Result(0, cliJson("cli-token-4", "2026-01-01T01:00:00Z"), "");
    };
    DatabricksConfig config = DatabricksConfig.load(fx.environment().processRunner(runner).build(), null);
    for (int i = 0; i < 20; i++) {
      workspace.enqueue(Wire.ok("{}"));
    }
    try (DatabricksClient db = fx.client(config)) {
      List<CompletableFuture<JsonNode>> calls = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        calls.add(db.callAsync(ApiRequest.get("/api/2.0/x").build(), JsonNode.class));
      }
      release.countDown();
      CompletableFuture.allOf(calls.toArray(new CompletableFuture<?>[0])).get(10, TimeUnit.SECONDS);
    }
    assertEquals(1, runs.get());
    for (int i = 0; i < 20; i++) {
      assertEquals("Bearer cli-token-4", Wire.take(workspace).getHeaders().get("Authorization"));
    }
  }
}
