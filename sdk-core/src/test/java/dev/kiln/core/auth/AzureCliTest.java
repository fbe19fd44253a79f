package dev.kiln.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.ApiRequest;
import dev.kiln.core.DatabricksClient;
import dev.kiln.core.error.ConfigurationException;
import dev.kiln.core.error.DatabricksClientException;
import dev.kiln.core.testing.CapturedLogs;
import dev.kiln.core.testing.Wire;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AzureCliTest {
  static final String RESOURCE_ID = "/subscriptions/sub-1/resourceGroups/rg/providers/Microsoft.Databricks/workspaces/ws";
  static final String GET_TOKEN = "account get-access-token --resource 2ff814a6-3304-4ab8-85cb-cd0e6f879c1d --output json";

  @StartStop
  final MockWebServer workspace = new MockWebServer();

  @TempDir
  Path dir;

  AuthFixture fx;

  @BeforeEach
  void setUp() {
    fx = new AuthFixture(dir).set("DATABRICKS_HOST", workspace.url("/").toString(),
        "DATABRICKS_AZURE_RESOURCE_ID", RESOURCE_ID);
    CapturedLogs.clear();
  }

  private void call(DatabricksClient db) {
    AuthFixture.call(workspace, db);
  }

  @Test
  void tokenFromAzIsSentWithTheWorkspaceResourceIdAndCachedUntilShortlyBeforeExpiry() {
    fx.set("ARM_TENANT_ID", "tenant-1");
    fx.stub("az", "echo '" + AuthFixture.azJson("az-token-1", 3600) + "'");
    try (DatabricksClient db = fx.client(fx.load())) {
      assertEquals("azure-cli", db.config().credentials().authType());
      call(db);
      RecordedRequest api = Wire.take(workspace);
      assertEquals("Bearer az-token-1", api.getHeaders().get("Authorization"));
      assertEquals(RESOURCE_ID, api.getHeaders().get("X-Databricks-Azure-Workspace-Resource-Id"));
      assertEquals(List.of(GET_TOKEN + " --tenant tenant-1 --subscription sub-1"), fx.calls("az"));

      fx.advance(Duration.ofMinutes(58)); // two minutes left: still good
      call(db);
      Wire.take(workspace);
      assertEquals(1, fx.calls("az").size());

      fx.advance(Duration.ofMinutes(1).plusSeconds(1)); // inside the last minute: run az again
      call(db);
      Wire.take(workspace);
      assertEquals(2, fx.calls("az").size());
    }
    AuthFixture.assertNoSecrets(List.of("az-token-1"));
  }

  @Test
  void aSubscriptionTheLoginDoesNotHaveIsDroppedOnTheSecondTry() {
    fx.stub("az", "case \"$*\" in *--subscription*) echo 'ERROR: Subscription sub-1 not found' >&2; exit 1;; esac\n"
        + "echo '" + AuthFixture.azJson("az-token-2", 3600) + "'");
    try (DatabricksClient db = fx.client(fx.load())) {
      call(db);
      assertEquals("Bearer az-token-2", Wire.take(workspace).getHeaders().get("Authorization"));
    }
    assertEquals(List.of(GET_TOKEN + " --subscription sub-1", GET_TOKEN), fx.calls("az"));
  }

  @Test
  void expiresOnInLocalTimeIsReadWhenThereIsNoEpoch() {
    fx.stub("az", "echo '{\"accessToken\": \"az-token-3\", \"expiresOn\": \"2026-01-01 00:30:00.123456\", \"tokenType\": \"Bearer\"}'");
    try (DatabricksClient db = fx.client(fx.load())) {
      call(db);
      Wire.take(workspace);
      fx.advance(Duration.ofMinutes(28)); // expiresOn 00:30:00.123456 (UTC here): still good
      call(db);
      Wire.take(workspace);
      assertEquals(1, fx.calls("az").size());
      fx.advance(Duration.ofMinutes(1).plusSeconds(30));
      call(db);
      Wire.take(workspace);
      assertEquals(2, fx.calls("az").size());
    }
  }

  @Test
  void aCliThatIsNotLoggedInFailsNamingTheCommandAndWhatToDo() {
    fx.env.remove("DATABRICKS_AZURE_RESOURCE_ID");
    fx.set("DATABRICKS_HOST", "https://adb-123.4.azuredatabricks.net");
    fx.stub("az", "echo \"ERROR: Please run 'az login' to setup account.\" >&2\nexit 1");
    AzureCliCredentials az = (AzureCliCredentials) fx.load().credentials();
    DatabricksClientException e = assertThrows(DatabricksClientException.class, az::fetchBlocking);
    assertTrue(e.getMessage().startsWith("azure-cli: `az " + GET_TOKEN + "` failed (exit 1)"), e.getMessage());
    assertTrue(e.getMessage().contains("sign in with `az login`"), e.getMessage());
  }

  @Test
  void errorOutputIsShortenedAndCredentialsInItAreMasked() {
    fx.stub("az", "echo 'ERROR: request failed: Authorization: Bearer eyJleaked.token.value' >&2\nexit 2");
    AzureWorkspaceHeaders az = (AzureWorkspaceHeaders) fx.load().credentials();
    DatabricksClientException e = assertThrows(DatabricksClientException.class,
        () -> dev.kiln.core.spi.Futures.join(az.headers(new FixedContext())));
    assertTrue(e.getMessage().contains("failed (exit 2): ERROR: request failed: Authorization: Bearer ***"), e.getMessage());
    AuthFixture.assertNoSecrets(List.of("eyJleaked.token.value"), e.getMessage());
  }

  /** Enough of a client for a provider that sends nothing. */
  static final class FixedContext implements AuthContext {
    @Override
    public java.net.URI host() {
      return java.net.URI.create("https://adb-1.2.azuredatabricks.net");
    }

    @Override
    public java.time.Clock clock() {
      return java.time.Clock.systemUTC();
    }

    @Override
    public <T> java.util.concurrent.CompletableFuture<dev.kiln.core.ApiResponse<T>> send(ApiRequest request,
        dev.kiln.core.BodyReader<T> reader) {
      throw new AssertionError("nothing is sent");
    }
  }

  @Test
  void aHangingCliIsStoppedAfterTheTimeoutAndNamed() {
    fx.stub("az", "exec sleep 30");
    AzureCliCredentials az = (AzureCliCredentials) AuthChain.resolve(
        java.util.Map.of(), java.net.URI.create("https://adb-1.2.azuredatabricks.net"),
        fx.environment().commandTimeout(Duration.ofMillis(300)).build()).credentials();
    DatabricksClientException e = assertThrows(DatabricksClientException.class, az::fetchBlocking);
    assertTrue(e.getMessage().contains("`az " + GET_TOKEN + "` did not finish within 300 ms"),
        e.getMessage());
  }

  @Test
  void withoutAzTheChainSaysSoAndAnExplicitAuthTypeFails() {
    ConfigurationException chain = assertThrows(ConfigurationException.class, fx::load);
    assertTrue(chain.getMessage().contains("azure-cli: `az` was not found on the PATH"), chain.getMessage());
    fx.set("DATABRICKS_AUTH_TYPE", "azure-cli");
    ConfigurationException chosen = assertThrows(ConfigurationException.class, fx::load);
    assertEquals("auth_type is azure-cli but `az` was not found on the PATH", chosen.getMessage());
  }

  @Test
  void aWorkspaceOutsideAzureIsNotForAzureCli() {
    fx.env.remove("DATABRICKS_AZURE_RESOURCE_ID");
    fx.stub("az", "exit 1");
    fx.set("DATABRICKS_AUTH_TYPE", "azure-cli");
    ConfigurationException e = assertThrows(ConfigurationException.class, fx::load);
    assertTrue(e.getMessage().contains("not an Azure Databricks workspace"), e.getMessage());
    assertTrue(fx.calls("az").isEmpty());
  }
}
