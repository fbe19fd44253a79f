package dev.kiln.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.ApiRequest;
import dev.kiln.core.DatabricksClient;
import dev.kiln.core.RetryPolicy;
import dev.kiln.core.error.UnauthenticatedException;
import dev.kiln.core.testing.FakeSleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class CredentialsTest {
  @StartStop
  final MockWebServer server = new MockWebServer();

  final FakeSleeper sleeper = new FakeSleeper();

  private DatabricksClient client(CredentialsProvider credentials) {
    return DatabricksClient.builder()
        .host(server.url("/").toString())
        .credentials(credentials)
        .clock(sleeper.clock())
        .sleeper(sleeper)
        .retryPolicy(RetryPolicy.builder().jitter(0).build())
        .build();
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  private static MockResponse token(String value, long expiresIn) {
    return json(200, "{\"access_token\":\"" + value + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + "}");
  }

  private RecordedRequest take() throws InterruptedException {
    return server.takeRequest(5, TimeUnit.SECONDS);
  }

  @Test
  void personalAccessTokenIsSentAsBearer() throws Exception {
    server.enqueue(json(200, "{}"));
    try (DatabricksClient db = client(Credentials.personalAccessToken("dapi-abc"))) {
      db.call(ApiRequest.get("/api/2.0/clusters/list").build(), JsonNode.class);
    }
    RecordedRequest r = take();
    assertEquals("Bearer dapi-abc", r.getHeaders().get("Authorization"));
    assertTrue(r.getHeaders().get("User-Agent").matches("kiln/\\S+ java/\\S+ os/\\S+ auth/pat"), r.getHeaders().get("User-Agent"));
  }

  @Test
  void userAgentSuffixIsAppended() throws Exception {
    server.enqueue(json(200, "{}"));
    try (DatabricksClient db = DatabricksClient.builder().host(server.url("/").toString())
        .credentials(Credentials.personalAccessToken("t")).userAgentSuffix("bir-reports/2.1").build()) {
      db.call(ApiRequest.get("/x").build(), JsonNode.class);
    }
    assertTrue(take().getHeaders().get("User-Agent").endsWith(" auth/pat bir-reports/2.1"));
  }

  @Test
  void oauthM2MFetchesATokenWithClientCredentialsThenCallsTheApi() throws Exception {
    server.enqueue(token("oauth-1", 3600));
    server.enqueue(json(200, "{}"));
    try (DatabricksClient db = client(Credentials.oauthM2M("sp-id", "sp-secret"))) {
      assertEquals(0, server.getRequestCount(), "nothing is sent before the first call");
      db.call(ApiRequest.get("/api/2.0/x").build(), JsonNode.class);
    }
    RecordedRequest tokenRequest = take();
    assertEquals("POST", tokenRequest.getMethod());
    assertEquals("/oidc/v1/token", tokenRequest.getTarget());
    assertEquals("grant_type=client_credentials&scope=all-apis", tokenRequest.getBody().utf8());
    assertEquals("application/x-www-form-urlencoded", tokenRequest.getHeaders().get("Content-Type"));
    String basic = java.util.Base64.getEncoder().encodeToString("sp-id:sp-secret".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertEquals("Basic " + basic, tokenRequest.getHeaders().get("Authorization"));
    RecordedRequest api = take();
    assertEquals("Bearer oauth-1", api.getHeaders().get("Authorization"));
    assertTrue(api.getHeaders().get("User-Agent").endsWith("auth/oauth-m2m"));
  }

  @Test
  void oauthTokenIsCachedUntilShortlyBeforeExpiry() throws Exception {
    server.enqueue(token("first", 3600));
    server.enqueue(json(200, "{}"));
    server.enqueue(json(200, "{}"));
    server.enqueue(token("second", 3600));
    server.enqueue(json(200, "{}"));
    try (DatabricksClient db = client(Credentials.oauthM2M("id", "secret"))) {
      db.call(ApiRequest.get("/a").build(), JsonNode.class);
      sleeper.clock().advance(Duration.ofMinutes(30));
      db.call(ApiRequest.get("/b").build(), JsonNode.class);
      sleeper.clock().advance(Duration.ofMinutes(29)); // 59 min: within the refresh margin of the 60 min token
      db.call(ApiRequest.get("/c").build(), JsonNode.class);
    }
    assertEquals("/oidc/v1/token", take().getTarget());
    assertEquals("Bearer first", take().getHeaders().get("Authorization"));
    assertEquals("Bearer first", take().getHeaders().get("Authorization"));
    assertEquals("/oidc/v1/token", take().getTarget());
    assertEquals("Bearer second", take().getHeaders().get("Authorization"));
  }

  @Test
  void unauthorizedOnACachedTokenRefreshesOnceAndRetriesOnce() throws Exception {
    server.enqueue(token("stale", 3600));
    server.enqueue(json(401, "{\"error_code\":\"UNAUTHENTICATED\",\"message\":\"token expired\"}"));
    server.enqueue(token("fresh", 3600));
    server.enqueue(json(200, "{\"ok\":true}"));
    try (DatabricksClient db = client(Credentials.oauthM2M("id", "secret"))) {
      assertTrue(db.call(ApiRequest.post("/api/2.0/sql/statements/").build(), JsonNode.class).get("ok").asBoolean());
    }
    take();
    assertEquals("Bearer stale", take().getHeaders().get("Authorization"));
    assertEquals("/oidc/v1/token", take().getTarget());
    assertEquals("Bearer fresh", take().getHeaders().get("Authorization"));
  }

  @Test
  void aSecondUnauthorizedIsNotRetriedAgain() throws Exception {
    server.enqueue(token("a", 3600));
    server.enqueue(json(401, "{\"error_code\":\"UNAUTHENTICATED\",\"message\":\"no\"}"));
    server.enqueue(token("b", 3600));
    server.enqueue(json(401, "{\"error_code\":\"UNAUTHENTICATED\",\"message\":\"still no\"}"));
    try (DatabricksClient db = client(Credentials.oauthM2M("id", "secret"))) {
      UnauthenticatedException e = assertThrows(UnauthenticatedException.class,
          () -> db.call(ApiRequest.get("/x").build(), JsonNode.class));
      assertEquals(2, e.attempts());
    }
    assertEquals(4, server.getRequestCount());
  }

  @Test
  void personalAccessTokenIsNotRetriedOnUnauthorized() {
    server.enqueue(json(401, "{\"error_code\":\"UNAUTHENTICATED\",\"message\":\"invalid token\"}"));
    try (DatabricksClient db = client(Credentials.personalAccessToken("bad"))) {
      assertThrows(UnauthenticatedException.class, () -> db.call(ApiRequest.get("/x").build(), JsonNode.class));
    }
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void twentyConcurrentCallersShareOneTokenRequest() throws Exception {
    AtomicInteger tokenRequests = new AtomicInteger();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        if (request.getTarget().startsWith("/oidc/v1/token")) {
          tokenRequests.incrementAndGet();
          // Slow enough that every caller arrives while the refresh is in flight.
          return new MockResponse.Builder().headersDelay(300, TimeUnit.MILLISECONDS)
              .addHeader("Content-Type", "application/json")
              .body("{\"access_token\":\"shared\",\"expires_in\":3600}").build();
        }
        return json(200, "{}");
      }
    });
    ExecutorService pool = Executors.newFixedThreadPool(20);
    try (DatabricksClient db = client(Credentials.oauthM2M("id", "secret"))) {
      List<CompletableFuture<JsonNode>> calls = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        calls.add(CompletableFuture.supplyAsync(() -> db.call(ApiRequest.get("/x").build(), JsonNode.class), pool));
      }
      CompletableFuture.allOf(calls.toArray(new CompletableFuture[0])).get(10, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, tokenRequests.get());
    assertEquals(21, server.getRequestCount());
  }

  @Test
  void azureServicePrincipalAsksAzureAdForTheDatabricksResource() throws Exception {
    MockWebServer aad = new MockWebServer();
    aad.start();
    try {
      aad.enqueue(json(200, "{\"access_token\":\"aad-token\",\"token_type\":\"Bearer\",\"expires_in\":\"3599\"}"));
      server.enqueue(json(200, "{}"));
      CredentialsProvider sp = Credentials.azureServicePrincipal("tenant-1", "app-id", "app-secret", aad.url("/").uri());
      try (DatabricksClient db = client(sp)) {
        db.call(ApiRequest.get("/api/2.0/x").build(), JsonNode.class);
      }
      RecordedRequest t = aad.takeRequest(5, TimeUnit.SECONDS);
      assertEquals("POST", t.getMethod());
      assertEquals("/tenant-1/oauth2/token", t.getTarget());
      assertEquals("grant_type=client_credentials&client_id=app-id&client_secret=app-secret"
          + "&resource=2ff814a6-3304-4ab8-85cb-cd0e6f879c1d", t.getBody().utf8());
      assertEquals(null, t.getHeaders().get("Authorization"));
      RecordedRequest api = take();
      assertEquals("Bearer aad-token", api.getHeaders().get("Authorization"));
      assertTrue(api.getHeaders().get("User-Agent").endsWith("auth/azure-client-secret"));
    } finally {
      aad.close();
    }
  }

  @Test
  void aFailingTokenEndpointSurfacesItsError() {
    server.enqueue(json(401, "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}"));
    try (DatabricksClient db = client(Credentials.oauthM2M("id", "wrong-secret"))) {
      UnauthenticatedException e = assertThrows(UnauthenticatedException.class,
          () -> db.call(ApiRequest.get("/x").build(), JsonNode.class));
      assertEquals("invalid_client", e.errorCode());
      assertFalse(e.getMessage().contains("wrong-secret"));
    }
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void credentialsNeverPrintTheirSecrets() {
    assertFalse(Credentials.personalAccessToken("dapi-secret").toString().contains("dapi-secret"));
    assertFalse(Credentials.oauthM2M("id", "m2m-secret").toString().contains("m2m-secret"));
    assertFalse(Credentials.azureServicePrincipal("t", "c", "az-secret").toString().contains("az-secret"));
    assertFalse(new BasicCredentials("user", "basic-secret").toString().contains("basic-secret"));
    assertFalse(new MetadataServiceCredentials(java.net.URI.create("http://127.0.0.1:9/md-secret-path"), "https://h")
        .toString().contains("md-secret-path"));
    assertFalse(new AzureManagedIdentity(java.net.URI.create("http://127.0.0.1"), null, java.net.URI.create("http://127.0.0.1:1/x"),
        "identity-header-secret", "r").toString().contains("identity-header-secret"));
    assertFalse(new CachingTokenProvider.Token("token-secret", java.time.Instant.EPOCH, "Bearer", "refresh-secret")
        .toString().matches(".*(token-secret|refresh-secret).*"));
    assertFalse(new ProcessRunner.Result(0, "{\"accessToken\": \"stdout-secret\"}", "").toString().contains("stdout-secret"));
  }
}
