package dev.kiln.emulator.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.core.PatCredentialsProvider;
import com.databricks.sdk.core.commons.CommonsHttpClient;
import com.databricks.sdk.core.error.platform.Unauthenticated;
import com.databricks.sdk.core.oauth.OpenIDConnectEndpoints;
import dev.kiln.emulator.LocalWorkspace;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the official SDK connects: plain PAT configuration over http, discovery calls, the bearer header, 401s. */
class ConnectionFidelityTest {
  private static final String DISCOVERY = "GET /oidc/.well-known/oauth-authorization-server";

  @Test
  void plainPatConfigurationWorksOverHttpAndMakesOneToleratedDiscoveryCall() {
    try (LocalWorkspace ws = LocalWorkspace.start()) {
      OfficialSdk.Recorder recorder = new OfficialSdk.Recorder();
      // Exactly what a user writes for a real workspace; http://127.0.0.1:PORT is kept as is (no https forced).
      WorkspaceClient w = new WorkspaceClient(new DatabricksConfig()
          .setHost(ws.host())
          .setToken(ws.token())
          .setHttpClient(recorder.wrap(new CommonsHttpClient.Builder().withTimeoutSeconds(30).build())));

      assertEquals(ws.defaultClusterId(), w.clusters().get(ws.defaultClusterId()).getClusterId());
      w.clusters().get(ws.defaultClusterId());

      // SDK 0.69.0's DefaultCredentialsProvider looks up the OIDC endpoints (unauthenticated) before trying any
      // credentials, PAT included, and only logs a warning when that fails. The emulator answers 404 today (see
      // theOidcDiscoveryRouteAnswersLikeDatabricks). Nothing else is called before the API call itself.
      assertEquals(List.of(DISCOVERY, "GET /api/2.1/clusters/get", "GET /api/2.1/clusters/get"), recorder.requests());
      assertTrue(recorder.exchanges().get(0).matches(".* -> (200|404)"), recorder.exchanges().get(0));
      assertEquals("GET /api/2.1/clusters/get -> 200", recorder.exchanges().get(1));
      assertEquals("Bearer " + ws.token(), recorder.lastHeaders().get("Authorization"));
      assertTrue(recorder.lastHeaders().get("User-Agent").contains("auth/pat"), recorder.lastHeaders().get("User-Agent"));
    }
  }

  @Test
  void anExplicitPatCredentialsProviderMakesNoDiscoveryCallAtAll() {
    try (LocalWorkspace ws = LocalWorkspace.start()) {
      OfficialSdk.Recorder recorder = new OfficialSdk.Recorder();
      WorkspaceClient w = new WorkspaceClient(new DatabricksConfig()
          .setHost(ws.host())
          .setToken(ws.token())
          .setCredentialsProvider(new PatCredentialsProvider())
          .setHttpClient(recorder.wrap(new CommonsHttpClient.Builder().withTimeoutSeconds(30).build())));

      w.clusters().get(ws.defaultClusterId());

      assertEquals(List.of("GET /api/2.1/clusters/get"), recorder.requests());
    }
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
