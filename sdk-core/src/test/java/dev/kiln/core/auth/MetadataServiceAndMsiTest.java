package dev.kiln.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.DatabricksClient;
import dev.kiln.core.DatabricksConfig;
import dev.kiln.core.error.ConfigurationException;
import dev.kiln.core.testing.Wire;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** metadata-service, azure-msi (IMDS and App Service) and the Azure service principal's extra headers, on the wire. */
class MetadataServiceAndMsiTest extends AuthTestBase {
  static final String RESOURCE_ID = "/subscriptions/sub-1/resourceGroups/rg/providers/Microsoft.Databricks/workspaces/ws";
  static final String DATABRICKS_APP = "2ff814a6-3304-4ab8-85cb-cd0e6f879c1d";

  @StartStop
  final MockWebServer tokens = new MockWebServer();


  @Test
  void metadataServiceIsAskedWithTheOfficialHeadersAndItsTokenCachedUntilExpiry() {
    String secretPath = "/3f1c9a3e-secret-path";
    fx.set("DATABRICKS_METADATA_SERVICE_URL", tokens.url(secretPath).toString());
    long expiresOn = AuthFixture.START.getEpochSecond() + 1800;
    tokens.enqueue(Wire.ok("{'access_token': 'md-token-1', 'token_type': 'Bearer', 'expires_on': " + expiresOn + "}"));
    tokens.enqueue(Wire.ok("{'access_token': 'md-token-2', 'token_type': 'Bearer', 'expires_on': " + (expiresOn + 3600) + "}"));
    DatabricksConfig config = fx.load();
    assertTrue(config.describe().contains("metadata_service_url = *** (env DATABRICKS_METADATA_SERVICE_URL)"), config.describe());
    try (DatabricksClient db = fx.client(config)) {
      assertEquals("metadata-service", config.credentials().authType());
      call(db);
      RecordedRequest md = Wire.take(tokens);
      assertEquals("GET " + secretPath, md.getMethod() + " " + md.getTarget());
      assertEquals("1", md.getHeaders().get("X-Databricks-Metadata-Version"));
      assertEquals(host, md.getHeaders().get("X-Databricks-Host"));
      assertNull(md.getHeaders().get("Authorization"));
      assertEquals("Bearer md-token-1", Wire.take(workspace).getHeaders().get("Authorization"));
      fx.advance(Duration.ofMinutes(28));
      call(db);
      assertEquals("Bearer md-token-1", Wire.take(workspace).getHeaders().get("Authorization"));
      fx.advance(Duration.ofMinutes(1).plusSeconds(1));
      call(db);
      assertEquals("Bearer md-token-2", Wire.take(workspace).getHeaders().get("Authorization"));
      assertEquals(2, tokens.getRequestCount());
    }
    AuthFixture.assertNoSecrets(List.of("md-token-1", "md-token-2", "secret-path"), config.describe(), config.toString(),
        config.credentials().toString());
  }

  @Test
  void aMetadataServiceOffThisMachineIsRefused() {
    fx.set("DATABRICKS_METADATA_SERVICE_URL", "https://metadata.example.com/x");
    ConfigurationException e = assertThrows(ConfigurationException.class, fx::load);
    assertTrue(e.getMessage().contains("localhost or 127.0.0.1"), e.getMessage());
    assertFalse(e.getMessage().contains("metadata.example.com/x"));
  }

  @Test
  void managedIdentityAsksImdsForTheDatabricksResourceWithTheChosenClientId() {
    fx.set("ARM_USE_MSI", "true", "DATABRICKS_AZURE_RESOURCE_ID", RESOURCE_ID, "ARM_CLIENT_ID", "user-assigned-1");
    tokens.enqueue(Wire.ok("{'access_token': 'msi-token-1', 'token_type': 'Bearer', 'expires_in': '3599', 'expires_on': '1767229199'}"));
    DatabricksConfig config = DatabricksConfig.load(fx.environment().azureImdsEndpoint(tokens.url("/").uri()).build(), null);
    assertEquals("azure-msi", config.credentials().authType());
    try (DatabricksClient db = fx.client(config)) {
      call(db);
    }
    RecordedRequest imds = Wire.take(tokens);
    assertEquals("GET", imds.getMethod());
    assertEquals("/metadata/identity/oauth2/token?api-version=2018-02-01&resource=" + DATABRICKS_APP
        + "&client_id=user-assigned-1", imds.getTarget());
    assertEquals("true", imds.getHeaders().get("Metadata"));
    RecordedRequest api = Wire.take(workspace);
    assertEquals("Bearer msi-token-1", api.getHeaders().get("Authorization"));
    assertEquals(RESOURCE_ID, api.getHeaders().get("X-Databricks-Azure-Workspace-Resource-Id"));
  }

  @Test
  void onAppServiceTheIdentityEndpointAndItsHeaderAreUsed() {
    fx.set("ARM_USE_MSI", "true", "DATABRICKS_AZURE_RESOURCE_ID", RESOURCE_ID,
        "IDENTITY_ENDPOINT", tokens.url("/msi/token").toString(), "IDENTITY_HEADER", "identity-header-secret");
    tokens.enqueue(Wire.ok("{'access_token': 'msi-token-2', 'token_type': 'Bearer', 'expires_on': '1767229199'}"));
    try (DatabricksClient db = fx.client(fx.load())) {
      call(db);
    }
    RecordedRequest msi = Wire.take(tokens);
    assertEquals("/msi/token?api-version=2019-08-01&resource=" + DATABRICKS_APP, msi.getTarget());
    assertEquals("identity-header-secret", msi.getHeaders().get("X-IDENTITY-HEADER"));
    assertEquals("Bearer msi-token-2", Wire.take(workspace).getHeaders().get("Authorization"));
    AuthFixture.assertNoSecrets(List.of("identity-header-secret", "msi-token-2"));
  }

  @Test
  void msiAppliesOnlyWhenAskedForAndOnAzure() {
    fx.set("ARM_USE_MSI", "true");
    ConfigurationException e = assertThrows(ConfigurationException.class, fx::load);
    assertTrue(e.getMessage().contains("azure-msi: the host is not an Azure Databricks workspace"), e.getMessage());
    fx.env.remove("ARM_USE_MSI");
    e = assertThrows(ConfigurationException.class, fx::load);
    assertTrue(e.getMessage().contains("azure-msi: azure_use_msi is not true (ARM_USE_MSI)"), e.getMessage());
  }

  @Test
  void azureServicePrincipalWithAWorkspaceResourceIdAlsoSendsTheManagementToken() {
    fx.set("ARM_TENANT_ID", "tenant-1", "ARM_CLIENT_ID", "app-1", "ARM_CLIENT_SECRET", "app-secret-value",
        "DATABRICKS_AZURE_RESOURCE_ID", RESOURCE_ID);
    tokens.setDispatcher(new mockwebserver3.Dispatcher() {
      @Override
      public mockwebserver3.MockResponse dispatch(RecordedRequest r) {
        boolean mgmt = r.getBody().utf8().contains("resource=https%3A%2F%2Fmanagement.core.windows.net%2F");
        return Wire.ok("{'access_token': '" + (mgmt ? "mgmt-token" : "aad-token") + "', 'expires_in': 3600}");
      }
    });
    DatabricksConfig config = DatabricksConfig.load(fx.environment().azureLoginEndpoint(tokens.url("/").uri()).build(), null);
    assertEquals("azure-client-secret", config.credentials().authType());
    try (DatabricksClient db = fx.client(config)) {
      call(db);
    }
    assertEquals(2, tokens.getRequestCount());
    RecordedRequest api = Wire.take(workspace);
    assertEquals("Bearer aad-token", api.getHeaders().get("Authorization"));
    assertEquals("mgmt-token", api.getHeaders().get("X-Databricks-Azure-SP-Management-Token"));
    assertEquals(RESOURCE_ID, api.getHeaders().get("X-Databricks-Azure-Workspace-Resource-Id"));
    AuthFixture.assertNoSecrets(List.of("app-secret-value", "aad-token", "mgmt-token"), config.describe(),
        config.credentials().toString());
  }
}
