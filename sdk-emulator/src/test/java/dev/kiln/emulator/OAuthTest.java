package dev.kiln.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.ApiRequest;
import dev.kiln.core.DatabricksClient;
import dev.kiln.core.auth.Credentials;
import dev.kiln.core.error.UnauthenticatedException;
import dev.kiln.core.testing.MutableClock;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Host metadata, OIDC discovery and OAuth M2M tokens for service principals registered on the workspace. */
class OAuthTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
  private LocalWorkspace ws;

  @BeforeEach
  void start() {
    ws = LocalWorkspace.builder().clock(clock).oauthTokenTtl(Duration.ofMinutes(10)).start();
    ws.addServicePrincipal("sp-client", "sp-secret");
  }

  @AfterEach
  void stop() {
    ws.close();
  }

  private Wire.Reply token(String form, String basicPair) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ws.host() + "/oidc/v1/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form));
    if (basicPair != null) {
      request.header("Authorization",
          "Basic " + Base64.getEncoder().encodeToString(basicPair.getBytes(StandardCharsets.UTF_8)));
    }
    return Wire.send(request.build());
  }

  private static Wire.Reply getWithBearer(LocalWorkspace ws, String token) {
    return Wire.send(HttpRequest.newBuilder(URI.create(ws.host() + "/api/2.0/sql/warehouses"))
        .header("Authorization", "Bearer " + token).GET().build());
  }

  @Test
  void hostMetadataIsTheWorkspaceFormWithoutCredentials() {
    JsonNode meta = Wire.download(ws.host() + "/.well-known/databricks-config", Map.of()).json();
    assertEquals(ws.host() + "/oidc", meta.path("oidc_endpoint").asText());
    assertEquals("workspace", meta.path("host_type").asText());
    assertTrue(meta.path("workspace_id").asText().matches("\\d{16}"), meta.toString());
    assertTrue(meta.path("account_id").asText().matches("[0-9a-f-]{36}"), meta.toString());
    assertEquals("AWS", meta.path("cloud").asText());

    JsonNode discovery =
        Wire.download(ws.host() + "/oidc/.well-known/oauth-authorization-server", Map.of()).json();
    assertEquals(ws.host() + "/oidc/v1/token", discovery.path("token_endpoint").asText());
    assertEquals(ws.host() + "/oidc", discovery.path("issuer").asText());
  }

  @Test
  void clientCredentialsIssueATokenThatExpiresOnTheWorkspaceClock() {
    Wire.Reply reply = token("grant_type=client_credentials&scope=all-apis", "sp-client:sp-secret");
    assertEquals(200, reply.status, reply.body);
    JsonNode body = reply.json();
    assertEquals("Bearer", body.path("token_type").asText());
    assertEquals(600, body.path("expires_in").asLong());
    assertEquals("all-apis", body.path("scope").asText());
    String accessToken = body.path("access_token").asText();
    assertFalse(accessToken.isBlank());

    assertEquals(200, getWithBearer(ws, accessToken).status);
    clock.advance(Duration.ofMinutes(10));
    Wire.Reply expired = getWithBearer(ws, accessToken);
    assertEquals(401, expired.status);
    assertEquals("The access token has expired.", expired.json().path("message").asText());
  }

  @Test
  void formFieldCredentialsWorkToo() {
    Wire.Reply reply = token("grant_type=client_credentials&client_id=sp-client&client_secret=sp-secret", null);
    assertEquals(200, reply.status, reply.body);
    assertEquals("all-apis", reply.json().path("scope").asText());
  }

  @Test
  void badRequestsGetOAuthErrors() {
    Wire.Reply wrongSecret = token("grant_type=client_credentials&scope=all-apis", "sp-client:nope");
    assertEquals(401, wrongSecret.status);
    assertEquals("invalid_client", wrongSecret.json().path("error").asText());
    assertFalse(wrongSecret.body.contains("sp-secret"));

    Wire.Reply unknownClient = token("grant_type=client_credentials", "other:sp-secret");
    assertEquals(401, unknownClient.status);

    Wire.Reply grant = token("grant_type=password&username=a", "sp-client:sp-secret");
    assertEquals(400, grant.status);
    assertEquals("unsupported_grant_type", grant.json().path("error").asText());

    Wire.Reply scope = token("grant_type=client_credentials&scope=everything", "sp-client:sp-secret");
    assertEquals(400, scope.status);
    assertEquals("invalid_scope", scope.json().path("error").asText());

    assertEquals(401, getWithBearer(ws, "not-issued").status);
  }

  @Test
  void kilnsOAuthMachineToMachineRunsEndToEndAndRefreshesAfterExpiry() {
    try (DatabricksClient client = DatabricksClient.builder()
        .host(ws.host())
        .credentials(Credentials.oauthM2M("sp-client", "sp-secret"))
        .clock(clock)
        .build()) {
      JsonNode first = client.call(ApiRequest.get("/api/2.0/sql/warehouses").build(), JsonNode.class);
      assertEquals(ws.defaultWarehouseId(), first.at("/warehouses/0/id").asText());

      clock.advance(Duration.ofMinutes(11)); // the cached token has expired: Kiln asks for a new one
      JsonNode second = client.call(ApiRequest.get("/api/2.0/sql/warehouses").build(), JsonNode.class);
      assertEquals(ws.defaultWarehouseId(), second.at("/warehouses/0/id").asText());
    }
  }

  @Test
  void kilnWithAWrongSecretFailsUnauthenticated() {
    try (DatabricksClient client = DatabricksClient.builder()
        .host(ws.host())
        .credentials(Credentials.oauthM2M("sp-client", "wrong"))
        .build()) {
      assertThrows(UnauthenticatedException.class,
          () -> client.call(ApiRequest.get("/api/2.0/sql/warehouses").build(), JsonNode.class));
    }
  }

  @Test
  void servicePrincipalsNeedAnIdAndASecret() {
    assertThrows(IllegalArgumentException.class, () -> ws.addServicePrincipal("id", " "));
    assertThrows(NullPointerException.class, () -> ws.addServicePrincipal(null, "s"));
  }
}
