package dev.kiln.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.ApiRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** {@code LocalWorkspace.builder().https()}: a self-signed certificate made at start, trusted on demand. */
class TlsTest {
  @Test
  void httpsWorkspacesServeTheApiAndLinksToClientsThatTrustTheirCertificate() throws Exception {
    long started = System.nanoTime();
    Path trustStore;
    try (LocalWorkspace ws = LocalWorkspace.builder().https().start()) {
      long startMillis = (System.nanoTime() - started) / 1_000_000;
      assertTrue(ws.host().startsWith("https://127.0.0.1:"), ws.host());
      assertTrue(ws.storageHost().startsWith("https://127.0.0.1:"), ws.storageHost());
      System.out.println("https LocalWorkspace started in " + startMillis + " ms"); // figure for the README

      // Kiln's own client is set up to trust it.
      JsonNode warehouses = ws.client().call(ApiRequest.get("/api/2.0/sql/warehouses").build(), JsonNode.class);
      assertEquals(ws.defaultWarehouseId(), warehouses.at("/warehouses/0/id").asText());

      HttpClient trusting = HttpClient.newBuilder().sslContext(ws.sslContext()).build();
      HttpResponse<String> reply = trusting.send(
          HttpRequest.newBuilder(URI.create(ws.host() + "/.well-known/databricks-config")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, reply.statusCode());
      assertTrue(reply.body().contains("\"oidc_endpoint\":\"" + ws.host() + "/oidc\""), reply.body());

      HttpResponse<String> link = trusting.send(
          HttpRequest.newBuilder(URI.create(ws.storageHost() + "/_external/nothing")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(403, link.statusCode());

      HttpClient defaultTrust = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      assertThrows(SSLHandshakeException.class, () -> defaultTrust.send(
          HttpRequest.newBuilder(URI.create(ws.host() + "/.well-known/databricks-config")).build(),
          HttpResponse.BodyHandlers.ofString()));

      trustStore = ws.trustStorePath();
      assertTrue(Files.isRegularFile(trustStore));
      assertEquals("kiln-local", ws.trustStorePassword());
    }
    assertTrue(Files.notExists(trustStore), "the trust store goes with the workspace");
  }

  @Test
  void plainHttpIsTheDefaultAndHasNoTrustMaterial() throws IOException {
    try (LocalWorkspace ws = LocalWorkspace.start()) {
      assertTrue(ws.host().startsWith("http://127.0.0.1:"));
      IllegalStateException e = assertThrows(IllegalStateException.class, ws::sslContext);
      assertTrue(e.getMessage().contains("https()"));
      assertThrows(IllegalStateException.class, ws::trustStorePath);
    }
  }
}
