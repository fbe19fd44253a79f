package dev.kiln.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.ApiRequest;
import dev.kiln.core.BodyReader;
import dev.kiln.core.DatabricksClient;
import dev.kiln.core.DatabricksConfig;
import dev.kiln.core.testing.CapturedLogs;
import dev.kiln.core.testing.Wire;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proxies from HTTP(S)_PROXY/NO_PROXY and from the builder, through an in-test proxy on loopback. */
class ProxyTest {
  @StartStop
  final MockWebServer workspace = new MockWebServer();

  @TempDir
  Path dir;

  AuthFixture fx;
  String host;

  @BeforeEach
  void setUp() {
    host = workspace.url("/").toString().replaceAll("/$", "");
    fx = new AuthFixture(dir).set("DATABRICKS_HOST", host);
    CapturedLogs.clear();
  }

  @Test
  void anAuthenticatingEnvProxyCarriesWorkspaceCallsTokenRequestsAndStorageDownloads() throws Exception {
    String basic = "Basic " + Base64.getEncoder().encodeToString("proxy-user:proxy-pass-secret".getBytes(StandardCharsets.UTF_8));
    try (TinyProxy proxy = new TinyProxy(basic)) {
      fx.set("HTTP_PROXY", "http://proxy-user:proxy-pass-secret@127.0.0.1:" + proxy.port(),
          "DATABRICKS_CLIENT_ID", "cid", "DATABRICKS_CLIENT_SECRET", "m2m-secret-value");
      workspace.enqueue(Wire.ok("{'access_token': 'm2m-token', 'expires_in': 3600}"));
      workspace.enqueue(Wire.ok("{}"));
      workspace.enqueue(new MockResponse.Builder().code(200).body("chunk-bytes").build());
      DatabricksConfig config = fx.load();
      // a host that cannot resolve: only the proxy (which sends it to 127.0.0.1) can reach it
      URI download = URI.create("http://storage.invalid:" + workspace.getPort() + "/chunk/0?sig=presigned-sig");
      try (DatabricksClient db = fx.client(config)) {
        db.call(ApiRequest.get("/api/2.0/x").build(), JsonNode.class);
        String chunk = db.send(ApiRequest.absolute("GET", download).build(), BodyReader.string()).body();
        assertEquals("chunk-bytes", chunk);
      }
      assertEquals(List.of("POST " + host + "/oidc/v1/token HTTP/1.1", "GET " + host + "/api/2.0/x HTTP/1.1",
          "GET " + download + " HTTP/1.1"), proxy.forwarded());
      assertTrue(proxy.challenges.get() >= 1, "the proxy asked for credentials");
      for (int i = 0; i < 3; i++) {
        RecordedRequest r = Wire.take(workspace);
        assertNull(r.getHeaders().get("Proxy-Authorization"), "proxy credentials never reach the server");
      }
      AuthFixture.assertNoSecrets(List.of("proxy-pass-secret", basic.substring(6)), config.describe(), config.toString());
      assertTrue(config.describe().contains("proxy = HTTP_PROXY=http://***@127.0.0.1:" + proxy.port()), config.describe());
    }
  }

  @Test
  void noProxyHostsAreReachedDirectly() throws Exception {
    try (TinyProxy proxy = new TinyProxy(null)) {
      fx.set("HTTP_PROXY", "127.0.0.1:" + proxy.port(), "NO_PROXY", "example.com, localhost", "DATABRICKS_TOKEN", "dapi-x");
      try (DatabricksClient db = fx.client(fx.load())) {
        AuthFixture.call(workspace, db);
      }
      assertEquals(List.of(), proxy.forwarded());
      assertEquals("Bearer dapi-x", Wire.take(workspace).getHeaders().get("Authorization"));
    }
  }

  @Test
  void theBuildersProxySelectorReplacesTheEnvironments() throws Exception {
    try (TinyProxy proxy = new TinyProxy(null)) {
      fx.set("HTTP_PROXY", "http://127.0.0.1:1", "DATABRICKS_TOKEN", "dapi-x"); // would fail to connect
      DatabricksConfig config = fx.load();
      try (DatabricksClient db = DatabricksClient.builder().config(config)
          .proxySelector(ProxySelector.of(new InetSocketAddress("127.0.0.1", proxy.port()))).build()) {
        AuthFixture.call(workspace, db);
      }
      assertEquals(List.of("GET " + host + "/api/2.0/x HTTP/1.1"), proxy.forwarded());
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
    assertEquals(java.net.Proxy.Type.DIRECT, p.select(URI.create("http://plain.example/")).get(0).type(), "no HTTP_PROXY");
    dev.kiln.core.internal.EnvProxy all = dev.kiln.core.internal.EnvProxy.from(
        java.util.Map.of("HTTPS_PROXY", "http://p:3128", "NO_PROXY", "*"), java.util.Set.of()).orElseThrow();
    assertEquals(java.net.Proxy.Type.DIRECT, all.select(URI.create("https://anything.example/")).get(0).type());
  }
}
