package dev.kiln.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** EXTERNAL_LINKS: presigned-style downloads from the emulator itself, JSON_ARRAY and CSV. */
class ExternalLinksTest {
  static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-01-31T10:00:00Z"));
  static LocalWorkspace ws;
  static Wire wire;

  @BeforeAll
  static void start() {
    ws = LocalWorkspace.builder().chunkRowCount(2).clock(CLOCK).externalLinkTtl(Duration.ofMinutes(15)).start();
    wire = new Wire(ws);
  }

  @AfterAll
  static void stop() {
    ws.close();
  }

  private static JsonNode externalLinks(String sql, String format) {
    JsonNode response =
        wire.execute(Wire.statement(ws, sql).put("disposition", "EXTERNAL_LINKS").put("format", format));
    assertEquals("SUCCEEDED", response.at("/status/state").asText(), response.toString());
    return response;
  }

  private static Map<String, String> headersOf(JsonNode link) {
    Map<String, String> headers = new LinkedHashMap<>();
    link.path("http_headers").properties().forEach(e -> headers.put(e.getKey(), e.getValue().asText()));
    return headers;
  }

  @Test
  void jsonChunksDownloadWithTheGivenHeadersAndWithoutAuthorization() {
    JsonNode response = externalLinks("SELECT id, 'v' || id AS v FROM range(5)", "JSON_ARRAY");
    String id = response.path("statement_id").asText();
    assertEquals(3, response.at("/manifest/total_chunk_count").asInt());
    JsonNode link = response.at("/result/external_links/0");
    assertEquals(0, link.path("chunk_index").asInt());
    assertEquals(1, link.path("next_chunk_index").asInt());
    assertEquals(CLOCK.instant().plus(Duration.ofMinutes(15)), Instant.parse(link.path("expiration").asText()));
    assertTrue(link.path("external_link").asText().startsWith(ws.storageHost() + "/_external/"));
    assertFalse(response.path("result").has("data_array"));

    Wire.Reply first = Wire.download(link.path("external_link").asText(), headersOf(link));
    assertEquals(200, first.status, first.body);
    assertEquals("[[\"0\",\"v0\"],[\"1\",\"v1\"]]", first.body);
    assertEquals(link.path("byte_count").asLong(), first.body.length());

    JsonNode third = wire.chunk(id, 2).at("/external_links/0");
    assertEquals(4, third.path("row_offset").asInt());
    assertEquals("[[\"4\",\"v4\"]]", Wire.download(third.path("external_link").asText(), headersOf(third)).body);
  }

  @Test
  void downloadsCarryingAuthorizationOrLackingTheHeadersAreRefused() {
    JsonNode link = externalLinks("SELECT 1 AS one", "JSON_ARRAY").at("/result/external_links/0");
    String url = link.path("external_link").asText();

    Map<String, String> withAuth = new LinkedHashMap<>(headersOf(link));
    withAuth.put("Authorization", "Bearer " + ws.token());
    Wire.Reply authorized = Wire.download(url, withAuth);
    assertEquals(400, authorized.status);
    assertTrue(authorized.body.contains("<Code>InvalidArgument</Code>"), authorized.body);

    Wire.Reply bare = Wire.download(url, Map.of());
    assertEquals(403, bare.status);

    Wire.Reply tampered = Wire.download(url.replaceAll("X-Signature=[0-9a-f]{4}", "X-Signature=0000"), headersOf(link));
    assertEquals(403, tampered.status);
  }

  @Test
  void linksExpireWithTimeAndFetchingTheChunkAgainGivesAFreshOne() {
    JsonNode response = externalLinks("SELECT id FROM range(3)", "JSON_ARRAY");
    String id = response.path("statement_id").asText();
    JsonNode link = response.at("/result/external_links/0");

    CLOCK.advance(Duration.ofMinutes(16));
    Wire.Reply expired = Wire.download(link.path("external_link").asText(), headersOf(link));
    assertEquals(403, expired.status);
    assertTrue(expired.body.contains("Request has expired"), expired.body);

    JsonNode fresh = wire.chunk(id, 0).at("/external_links/0");
    assertNotEquals(link.path("external_link").asText(), fresh.path("external_link").asText());
    assertEquals(200, Wire.download(fresh.path("external_link").asText(), headersOf(fresh)).status);
  }

  @Test
  void expireAllExternalLinksNowIsAFault() {
    JsonNode response = externalLinks("SELECT id FROM range(3)", "JSON_ARRAY");
    JsonNode link = response.at("/result/external_links/0");

    ws.faults().expireExternalLinksNow();

    assertEquals(403, Wire.download(link.path("external_link").asText(), headersOf(link)).status);
    JsonNode fresh = wire.chunk(response.path("statement_id").asText(), 0).at("/external_links/0");
    assertEquals(200, Wire.download(fresh.path("external_link").asText(), headersOf(fresh)).status);
  }

  @Test
  void csvHasTheHeaderInTheFirstChunkOnlyAndNullAsText() {
    JsonNode response =
        externalLinks(
            "SELECT * FROM (VALUES (1, 'plain', NULL), (2, 'with, comma', 'say \"hi\"'), (3, 'line\nbreak', 'x'))"
                + " AS t(n, text, note)",
            "CSV");
    assertEquals("CSV", response.at("/manifest/format").asText());
    JsonNode first = response.at("/result/external_links/0");
    JsonNode second = wire.chunk(response.path("statement_id").asText(), 1).at("/external_links/0");

    Wire.Reply firstBody = Wire.download(first.path("external_link").asText(), headersOf(first));
    Wire.Reply secondBody = Wire.download(second.path("external_link").asText(), headersOf(second));

    assertEquals("n,text,note\n1,plain,null\n2,\"with, comma\",\"say \"\"hi\"\"\"\n", firstBody.body);
    assertEquals("3,\"line\nbreak\",x\n", secondBody.body);
    assertEquals("text/csv", firstBody.headers.firstValue("Content-Type").orElse(""));
  }
}
