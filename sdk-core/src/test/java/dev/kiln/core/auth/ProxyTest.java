package dev.kiln.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.ApiRequest;
import dev.kiln.core.BodyReader;
import dev.kiln.core.DatabricksClient;
import dev.kiln.core.DatabricksConfig;
import dev.kiln.core.testing.Wire;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** Proxies from HTTP(S)_PROXY/NO_PROXY and from the builder, through an in-test proxy on loopback. */
class ProxyTest extends AuthTestBase {

  @Test
  void anAuthenticatingEnvProxyCarriesTokenRequestsAndStorageDownloadsButNotLoopback() throws Exception {
    String basic = "Basic " + Base64.getEncoder().encodeToString("proxy-user:proxy-pass-secret".getBytes(StandardCharsets.UTF_8));
    try (MockWebServer remote = new MockWebServer(); TinyProxy proxy = new TinyProxy(basic)) {
      remote.start();
      // Host names that cannot resolve: only the proxy (which sends everything to 127.0.0.1) reaches them.
      URI login = URI.create("http://login.invalid:" + remote.getPort() + "/");
      URI download = URI.create("http://storage.invalid:" + remote.getPort() + "/chunk/0?sig=presigned-sig");
      fx.set("HTTP_PROXY", "http://proxy-user:proxy-pass-secret@127.0.0.1:" + proxy.port(),
          "ARM_TENANT_ID", "tenant-1", "ARM_CLIENT_ID", "app-1", "ARM_CLIENT_SECRET", "arm-secret-value",
          "DATABRICKS_AUTH_TYPE", "azure-client-secret");
      remote.enqueue(Wire.ok("{'access_token': 'aad-token', 'expires_in': 3600}"));
      remote.enqueue(new MockResponse.Builder().code(200).body("chunk-bytes").build());
      workspace.enqueue(Wire.ok("{}"));
      DatabricksConfig config = DatabricksConfig.load(fx.environment().azureLoginEndpoint(login).build(), null);
      try (DatabricksClient db = fx.client(config)) {
        db.call(ApiRequest.get("/api/2.0/x").build(), JsonNode.class);
        assertEquals("chunk-bytes", db.send(ApiRequest.absolute("GET", download).build(), BodyReader.string()).body());
      }
      assertEquals(List.of("POST " + login + "tenant-1/oauth2/token HTTP/1.1", "GET " + download + " HTTP/1.1"),
          proxy.forwarded(), "the workspace on loopback is reached directly");
      assertEquals(0, proxy.challenges.get(), "credentials were sent up front");
      RecordedRequest direct = Wire.take(workspace);
      assertEquals("Bearer aad-token", direct.getHeaders().get("Authorization"));
      assertNull(direct.getHeaders().get("Proxy-Authorization"), "proxy credentials only go to the proxy");
      for (int i = 0; i < 2; i++) {
        assertNull(Wire.take(remote).getHeaders().get("Proxy-Authorization"), "proxy credentials never reach the server");
      }
      AuthFixture.assertNoSecrets(List.of("proxy-pass-secret", basic.substring(6)), config.describe(), config.toString());
      assertTrue(config.describe().contains("proxy = HTTP_PROXY=http://***@127.0.0.1:" + proxy.port()), config.describe());
    }
  }

  @Test
  void noProxyHostsAreReachedDirectly() throws Exception {
    try (TinyProxy proxy = new TinyProxy(null)) {
      fx.set("HTTP_PROXY", "127.0.0.1:" + proxy.port(), "NO_PROXY", "example.com, .invalid", "DATABRICKS_TOKEN", "dapi-x");
      URI unreachable = URI.create("http://storage.invalid:" + workspace.getPort() + "/x");
      try (DatabricksClient db = fx.client(fx.load())) {
        assertThrows(dev.kiln.core.error.DatabricksException.class,
            () -> db.send(ApiRequest.absolute("GET", unreachable).build(), BodyReader.string()));
      }
      assertEquals(List.of(), proxy.forwarded(), "a NO_PROXY host is not sent to the proxy (and so does not resolve)");
    }
  }

  @Test
  void theBuildersProxySelectorAndCredentialsReplaceTheEnvironments() throws Exception {
    try (TinyProxy proxy = new TinyProxy(dev.kiln.core.internal.EnvProxy.basic("builder-user", "builder-pass-secret"))) {
      fx.set("HTTP_PROXY", "http://env-user:env-pass@127.0.0.1:1", "DATABRICKS_TOKEN", "dapi-x"); // would fail to connect
      DatabricksConfig config = fx.load();
      try (DatabricksClient db = DatabricksClient.builder().config(config)
          .proxySelector(ProxySelector.of(new InetSocketAddress("127.0.0.1", proxy.port())))
          .proxyCredentials("builder-user", "builder-pass-secret").build()) {
        AuthFixture.call(workspace, db);
      }
      assertEquals(List.of("GET " + host + "/api/2.0/x HTTP/1.1"), proxy.forwarded());
      RecordedRequest r = Wire.take(workspace);
      assertEquals("Bearer dapi-x", r.getHeaders().get("Authorization"), "the request's own credentials survive the proxy");
      AuthFixture.assertNoSecrets(List.of("builder-pass-secret", "env-pass"));
    }
  }

  @Test
  void noProxyMatchesDomainsSubdomainsPortsAndStar() {
    dev.kiln.core.internal.EnvProxy p = dev.kiln.core.internal.EnvProxy.from(
        java.util.Map.of("https_proxy", "http://p:3128", "no_proxy", ".corp.example,internal.example:8443,10.0.0.1"),
        java.util.Set.of()).orElseThrow();
    assertEquals(java.net.Proxy.Type.DIRECT, p.select(URI.create("https://a.corp.example/x")).get(0).type());
    assertEquals(java.net.Proxy.Type.DIRECT, p.select(URI.create("https://corp.example/x")).get(0).type());
    assertEquals(java.net.Proxy.Type.HTTP, p.select(URI.create("https://notcorp.example/x")).get(0).type());
    assertEquals(java.net.Proxy.Type.DIRECT, p.select(URI.create("https://internal.example:8443/")).get(0).type());
    assertEquals(java.net.Proxy.Type.HTTP, p.select(URI.create("https://internal.example/")).get(0).type());
    assertEquals(java.net.Proxy.Type.DIRECT, p.select(URI.create("https://10.0.0.1/")).get(0).type());
    assertEquals(java.net.Proxy.Type.DIRECT, p.select(URI.create("http://169.254.169.254/metadata")).get(0).type());
    assertEquals(java.net.Proxy.Type.DIRECT, p.select(URI.create("https://127.0.0.1:8443/")).get(0).type());
    assertEquals(java.net.Proxy.Type.DIRECT, p.select(URI.create("https://localhost/")).get(0).type());
    assertEquals(java.net.Proxy.Type.DIRECT, p.select(URI.create("http://plain.example/")).get(0).type(), "no HTTP_PROXY");
    dev.kiln.core.internal.EnvProxy all = dev.kiln.core.internal.EnvProxy.from(
        java.util.Map.of("HTTPS_PROXY", "http://p:3128", "NO_PROXY", "*"), java.util.Set.of()).orElseThrow();
    assertEquals(java.net.Proxy.Type.DIRECT, all.select(URI.create("https://anything.example/")).get(0).type());
  }
}
