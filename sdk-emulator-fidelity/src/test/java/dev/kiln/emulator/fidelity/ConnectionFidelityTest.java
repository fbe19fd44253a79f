package dev.kiln.emulator.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.core.PatCredentialsProvider;
import com.databricks.sdk.core.commons.CommonsHttpClient;
import com.databricks.sdk.core.error.platform.Unauthenticated;
import com.databricks.sdk.core.oauth.OpenIDConnectEndpoints;
import dev.kiln.core.testing.CapturedLogs;
import dev.kiln.emulator.LocalWorkspace;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * How the official SDK connects: plain PAT configuration over http, host metadata and discovery calls, OAuth M2M
 * with a service principal of the workspace, the bearer header, 401s; and no warning logged on the way.
 */
class ConnectionFidelityTest {
  private static final String DISCOVERY = "GET /oidc/.well-known/oauth-authorization-server";
  private static final String HOST_METADATA = "GET /.well-known/databricks-config";

  @Test
  void plainPatConfigurationWorksOverHttpWithHostMetadataAndDiscoveryAnsweredAndNoWarning() {
    try (LocalWorkspace ws = LocalWorkspace.start()) {
      OfficialSdk.Recorder recorder = new OfficialSdk.Recorder();
      CapturedLogs.clear();
      // Exactly what a user writes for a real workspace; http://127.0.0.1:PORT is kept as is (no https forced).
      WorkspaceClient w = new WorkspaceClient(new DatabricksConfig()
          .setHost(ws.host())
          .setToken(ws.token())
          .setHttpClient(recorder.wrap(new CommonsHttpClient.Builder().withTimeoutSeconds(30).build())));

      assertEquals(ws.defaultClusterId(), w.clusters().get(ws.defaultClusterId()).getClusterId());
      w.clusters().get(ws.defaultClusterId());

      // The SDK reads the host metadata while it resolves its config, then (DefaultCredentialsProvider) the
      // OIDC endpoints the metadata points at, before trying any credentials, PAT included.
      assertEquals(List.of(HOST_METADATA + " -> 200", DISCOVERY + " -> 200", "GET /api/2.1/clusters/get -> 200",
          "GET /api/2.1/clusters/get -> 200"), recorder.exchanges());
      assertEquals("Bearer " + ws.token(), recorder.lastHeaders().get("Authorization"));
      assertTrue(recorder.lastHeaders().get("User-Agent").contains("auth/pat"), recorder.lastHeaders().get("User-Agent"));
      assertNoWarnings();
    }
  }

  @Test
  void anExplicitPatCredentialsProviderOnlyReadsTheHostMetadata() {
    try (LocalWorkspace ws = LocalWorkspace.start()) {
      OfficialSdk.Recorder recorder = new OfficialSdk.Recorder();
      WorkspaceClient w = new WorkspaceClient(new DatabricksConfig()
          .setHost(ws.host())
          .setToken(ws.token())
          .setCredentialsProvider(new PatCredentialsProvider())
          .setHttpClient(recorder.wrap(new CommonsHttpClient.Builder().withTimeoutSeconds(30).build())));

      w.clusters().get(ws.defaultClusterId());

      assertEquals(List.of(HOST_METADATA, "GET /api/2.1/clusters/get"), recorder.requests());
    }
  }

  @Test
  void oauthMachineToMachineRunsEndToEndWithAServicePrincipalOfTheWorkspace() {
    try (LocalWorkspace ws = LocalWorkspace.start()) {
      ws.addServicePrincipal("fidelity-sp", "fidelity-secret");
      OfficialSdk.Recorder recorder = new OfficialSdk.Recorder();
      CapturedLogs.clear();
      // As the SDK's documentation configures OAuth M2M: host, client id and secret.
      WorkspaceClient w = new WorkspaceClient(new DatabricksConfig()
          .setHost(ws.host())
          .setClientId("fidelity-sp")
          .setClientSecret("fidelity-secret")
          .setAuthType("oauth-m2m")
          .setHttpClient(recorder.wrap(new CommonsHttpClient.Builder().withTimeoutSeconds(30).build())));

      assertEquals(ws.defaultClusterId(), w.clusters().get(ws.defaultClusterId()).getClusterId());

      assertTrue(recorder.exchanges().contains("POST /oidc/v1/token -> 200"), recorder.exchanges().toString());
      assertTrue(recorder.lastHeaders().get("Authorization").startsWith("Bearer "));
      assertNotEquals("Bearer " + ws.token(), recorder.lastHeaders().get("Authorization"));
      assertTrue(recorder.lastHeaders().get("User-Agent").contains("auth/oauth-m2m"),
          recorder.lastHeaders().get("User-Agent"));
      assertNoWarnings();
    }
  }

  @Test
  void oauthMachineToMachineWithAWrongSecretFailsClearly() {
    try (LocalWorkspace ws = LocalWorkspace.start()) {
      ws.addServicePrincipal("fidelity-sp", "fidelity-secret");
      WorkspaceClient w = new WorkspaceClient(new DatabricksConfig()
          .setHost(ws.host())
          .setClientId("fidelity-sp")
          .setClientSecret("wrong")
          .setAuthType("oauth-m2m")
          .setHttpClient(new CommonsHttpClient.Builder().withTimeoutSeconds(30).build()));

      Exception e = assertThrows(Exception.class, () -> w.clusters().get(ws.defaultClusterId()));
      assertTrue(String.valueOf(e.getMessage()).contains("invalid_client")
          || String.valueOf(e.getCause()).contains("invalid_client"), String.valueOf(e));
    }
  }

  private static void assertNoWarnings() {
    List<String> warnings = CapturedLogs.lines().stream()
        .filter(line -> line.startsWith("WARN") || line.startsWith("ERROR"))
        .collect(Collectors.toList());
    assertEquals(List.of(), warnings);
  }

  @Test
  void theOidcDiscoveryRouteAnswersLikeDatabricks() throws Exception {
    try (LocalWorkspace ws = LocalWorkspace.start()) {
      DatabricksConfig config = new DatabricksConfig().setHost(ws.host()).setToken(ws.token())
          .setHttpClient(new CommonsHttpClient.Builder().withTimeoutSeconds(30).build());
      OpenIDConnectEndpoints endpoints = config.getOidcEndpoints();
      assertEquals(ws.host() + "/oidc/v1/token", endpoints.getTokenEndpoint());
      assertEquals(ws.host() + "/oidc/v1/authorize", endpoints.getAuthorizationEndpoint());
    }
  }

  @Test
  void aWrongTokenIsATypedUnauthenticatedError() {
    try (LocalWorkspace ws = LocalWorkspace.start()) {
      WorkspaceClient w = OfficialSdk.client(ws.host(), "dapi-wrong", new OfficialSdk.Recorder());
      Unauthenticated e = org.junit.jupiter.api.Assertions.assertThrows(Unauthenticated.class,
          () -> w.clusters().get(ws.defaultClusterId()));
      assertEquals(401, e.getStatusCode());
      assertEquals("UNAUTHENTICATED", e.getErrorCode());
    }
  }
}
