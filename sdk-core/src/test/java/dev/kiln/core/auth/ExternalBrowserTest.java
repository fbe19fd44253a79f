package dev.kiln.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.ApiRequest;
import dev.kiln.core.DatabricksClient;
import dev.kiln.core.DatabricksConfig;
import dev.kiln.core.error.DatabricksClientException;
import dev.kiln.core.testing.Wire;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** external-browser: the whole authorization-code + PKCE flow, with a browser that follows the redirect itself. */
class ExternalBrowserTest extends AuthTestBase {
  final ConcurrentLinkedQueue<RecordedRequest> tokenRequests = new ConcurrentLinkedQueue<>();
  final List<String> refused = new ArrayList<>();
  final AtomicInteger issued = new AtomicInteger();
  final List<Map<String, String>> browserVisits = new ArrayList<>();

  /** The workspace answers OIDC discovery, the token endpoint and one API path. */
  @BeforeEach
  void setUp() {
    fx.set("DATABRICKS_AUTH_TYPE", "external-browser");
    workspace.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        String target = r.getTarget();
        if (target.equals("/oidc/.well-known/oauth-authorization-server")) {
          return Wire.ok("{'authorization_endpoint': '" + host + "/oidc/v1/authorize', 'token_endpoint': '" + host
              + "/oidc/v1/token'}");
        }
        if (target.equals("/oidc/v1/token")) {
          tokenRequests.add(r);
          Map<String, String> form = form(r.getBody().utf8());
          if ("refresh_token".equals(form.get("grant_type")) && refused.contains(form.get("refresh_token"))) {
            return Wire.error(400, "{'error': 'invalid_grant', 'error_description': 'refresh token revoked'}");
          }
          int n = issued.incrementAndGet();
          return Wire.ok("{'access_token': 'u2m-access-" + n + "', 'token_type': 'Bearer', 'expires_in': 3600,"
              + " 'refresh_token': 'u2m-refresh-" + n + "'}");
        }
        return Wire.ok("{}");
      }
    });
  }

  static Map<String, String> form(String body) {
    Map<String, String> out = new HashMap<>();
    for (String kv : body.split("&")) {
      int eq = kv.indexOf('=');
      if (eq > 0) {
        out.put(URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  /** A browser that signs in at once: it calls the redirect URI with a code and the state it was given. */
  Browser browser(String code, boolean sameState) {
    return url -> {
      Map<String, String> q = form(url.getRawQuery());
      synchronized (browserVisits) {
        browserVisits.add(q);
      }
      assertTrue(url.toString().startsWith(host + "/oidc/v1/authorize?"), url.toString());
      String redirect = q.get("redirect_uri").replace("localhost", "127.0.0.1");
      String state = sameState ? q.get("state") : "forged";
      // the listener answers after this returns; follow the redirect from another thread as a browser would
      new Thread(() -> {
        try {
          // a favicon request first, as browsers do: answered 404, the listener keeps waiting
          get(redirect + "/favicon.ico");
          get(redirect + "/?code=" + code + "&state=" + state);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).start();
    };
  }

  private static int get(String url) throws IOException {
    HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
    try {
      return c.getResponseCode();
    } finally {
      c.disconnect();
    }
  }

  DatabricksConfig load(Browser browser) {
    return DatabricksConfig.load(fx.environment().browser(browser).oauthRedirectPort(0)
        .browserLoginTimeout(Duration.ofSeconds(10)).build(), null);
  }

  /** One API call answered by the dispatcher (not queued, as {@link #call} expects). */
  private void callApi(DatabricksClient db) {
    db.call(ApiRequest.get("/api/2.0/x").build(), JsonNode.class);
  }

  private String lastApiAuthorization() throws InterruptedException {
    String last = null;
    RecordedRequest r;
    while ((r = workspace.takeRequest(0, java.util.concurrent.TimeUnit.SECONDS)) != null) {
      if (r.getTarget().equals("/api/2.0/x")) {
        last = r.getHeaders().get("Authorization");
      }
    }
    return last;
  }

  @Test
  void signsInWithPkceThenRefreshesWithTheRefreshTokenAndKeepsThemInAnOwnerOnlyCache() throws Exception {
    DatabricksConfig config = load(browser("auth-code-1", true));
    assertEquals("external-browser", config.credentials().authType());
    try (DatabricksClient db = fx.client(config)) {
      callApi(db);
      assertEquals("Bearer u2m-access-1", lastApiAuthorization());
      Map<String, String> visit = browserVisits.get(0);
      assertEquals("code", visit.get("response_type"));
      assertEquals("databricks-cli", visit.get("client_id"));
      assertEquals("all-apis offline_access", visit.get("scope"));
      assertEquals("S256", visit.get("code_challenge_method"));
      assertTrue(visit.get("redirect_uri").startsWith("http://localhost:"), visit.get("redirect_uri"));
      Map<String, String> exchange = form(tokenRequests.poll().getBody().utf8());
      assertEquals("authorization_code", exchange.get("grant_type"));
      assertEquals("auth-code-1", exchange.get("code"));
      assertEquals(visit.get("redirect_uri"), exchange.get("redirect_uri"));
      assertEquals("databricks-cli", exchange.get("client_id"));
      String verifier = exchange.get("code_verifier");
      assertNotNull(verifier);
      assertEquals(visit.get("code_challenge"), ExternalBrowserCredentials.challenge(verifier));

      fx.advance(Duration.ofMinutes(59).plusSeconds(1)); // inside the refresh margin
      callApi(db);
      assertEquals("Bearer u2m-access-2", lastApiAuthorization());
      Map<String, String> refresh = form(tokenRequests.poll().getBody().utf8());
      assertEquals(Map.of("grant_type", "refresh_token", "refresh_token", "u2m-refresh-1", "client_id", "databricks-cli"), refresh);
      assertEquals(1, browserVisits.size());

      Path cache = fx.home.resolve(".config/kiln/oauth-tokens.json");
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache)));
      assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache.getParent())));
      JsonNode stored = dev.kiln.core.Json.mapper().readTree(cache.toFile()).path("tokens").path(host + " databricks-cli");
      assertEquals("u2m-refresh-2", stored.path("refresh_token").asText());

      AuthFixture.assertNoSecrets(List.of("u2m-access-1", "u2m-access-2", "u2m-refresh-1", "u2m-refresh-2", verifier,
          "auth-code-1"), config.describe(), config.credentials().toString(), db.toString());
    }

    // A new process: the cached token is used without a browser, and refreshed from the cache's refresh token.
    DatabricksConfig again = load(url -> {
      throw new AssertionError("the cache should have been used");
    });
    try (DatabricksClient db = fx.client(again)) {
      callApi(db);
      assertEquals("Bearer u2m-access-2", lastApiAuthorization());
      fx.advance(Duration.ofMinutes(59).plusSeconds(1));
      callApi(db);
      assertEquals("Bearer u2m-access-3", lastApiAuthorization());
    }
  }

  @Test
  void aRevokedRefreshTokenOpensTheBrowserAgain() throws Exception {
    try (DatabricksClient db = fx.client(load(browser("auth-code-2", true)))) {
      callApi(db);
      refused.add("u2m-refresh-1");
      fx.advance(Duration.ofMinutes(59).plusSeconds(1));
      callApi(db);
      assertEquals("Bearer u2m-access-2", lastApiAuthorization());
      assertEquals(2, browserVisits.size());
    }
  }

  @Test
  void aRedirectWithAnotherStateIsRejected() {
    try (DatabricksClient db = fx.client(load(browser("auth-code-3", false)))) {
      DatabricksClientException e = assertThrows(DatabricksClientException.class, () -> callApi(db));
      assertTrue(e.getMessage().contains("state does not match"), e.getMessage());
      assertFalse(e.getMessage().contains("auth-code-3"));
    }
    assertEquals(0, issued.get());
  }

  @Test
  void aRefusedSignInOrOneThatNeverComesBackIsAClearError() {
    Browser refusing = url -> {
      String redirect = form(url.getRawQuery()).get("redirect_uri").replace("localhost", "127.0.0.1");
      new Thread(() -> {
        try {
          get(redirect + "/?error=access_denied&error_description=The+user+said+no");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).start();
    };
    try (DatabricksClient db = fx.client(load(refusing))) {
      DatabricksClientException e = assertThrows(DatabricksClientException.class, () -> callApi(db));
      assertEquals("external-browser: sign-in failed: access_denied: The user said no", e.getMessage());
    }
    DatabricksConfig silent = DatabricksConfig.load(fx.environment().browser(url -> { }).oauthRedirectPort(0)
        .browserLoginTimeout(Duration.ofMillis(200)).build(), null);
    try (DatabricksClient db = fx.client(silent)) {
      DatabricksClientException e = assertThrows(DatabricksClientException.class, () -> callApi(db));
      assertTrue(e.getMessage().startsWith("external-browser: no sign-in came back within"), e.getMessage());
    }
    assertEquals(0, issued.get());
  }

  @Test
  void withoutAuthTypeTheBrowserIsNeverOpened() {
    fx.env.remove("DATABRICKS_AUTH_TYPE");
    dev.kiln.core.error.ConfigurationException e = assertThrows(dev.kiln.core.error.ConfigurationException.class,
        () -> load(url -> {
          throw new AssertionError("no browser without auth_type");
        }));
    assertTrue(e.getMessage().contains("external-browser is used only with auth_type = external-browser"), e.getMessage());
  }

}
