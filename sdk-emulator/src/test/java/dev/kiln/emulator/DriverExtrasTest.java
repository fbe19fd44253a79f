package dev.kiln.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Base64;
import java.util.Map;
import net.jpountz.lz4.LZ4FrameInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the drivers (JDBC in SQL Statement Execution mode, sql-python, ADBC) use beyond the documented API:
 * sessions, statement close, INLINE_OR_EXTERNAL_LINKS, positional parameters; and unknown fields refused.
 */
class DriverExtrasTest {
  private static final String STATEMENTS = "/api/2.0/sql/statements/";
  static LocalWorkspace ws;
  static Wire wire;

  @BeforeAll
  static void start() {
    ws = LocalWorkspace.builder().chunkRowCount(100).start();
    wire = new Wire(ws);
    ws.sql().execute("CREATE SCHEMA drivers; CREATE TABLE drivers.t AS SELECT 7 AS seven");
  }

  @AfterAll
  static void stop() {
    ws.close();
  }

  private Wire.Reply delete(String path) {
    return Wire.send(wire.authorized(path).DELETE().build());
  }

  private String openSession(String path, ObjectNode body) {
    Wire.Reply reply = wire.post(path, body);
    assertEquals(200, reply.status, reply.body);
    String id = reply.json().path("session_id").asText();
    assertFalse(id.isBlank());
    return id;
  }

  @Test
  void sessionsOpenOnBothPathsCarryTheirSchemaAndClose() {
    String jdbcStyle = openSession("/api/2.0/sql/warehouses/" + ws.defaultWarehouseId() + "/sessions",
        Wire.object().put("schema", "drivers").put("execution_mode", "FAST"));
    ObjectNode pythonBody = Wire.object().put("warehouse_id", ws.defaultWarehouseId()).put("schema", "drivers");
    pythonBody.putObject("session_confs").put("TIMEZONE", "UTC").put("ansi_mode", "true");
    String pythonStyle = openSession("/api/2.0/sql/sessions/", pythonBody);

    for (String session : new String[] {jdbcStyle, pythonStyle}) {
      JsonNode response = wire.execute(Wire.statement(ws, "SELECT seven FROM t").put("session_id", session));
      assertEquals("SUCCEEDED", response.at("/status/state").asText(), response.toString());
      assertEquals("7", response.at("/result/data_array/0/0").asText());
    }
    // The statement's own schema wins over the session's.
    JsonNode own = wire.execute(
        Wire.statement(ws, "SELECT 1 FROM t").put("session_id", jdbcStyle).put("schema", "default"));
    assertEquals("FAILED", own.at("/status/state").asText(), own.toString());

    assertEquals(200, delete("/api/2.0/sql/sessions/" + jdbcStyle + "?warehouse_id=" + ws.defaultWarehouseId()).status);
    assertEquals(404, delete("/api/2.0/sql/sessions/" + jdbcStyle).status);
    Wire.Reply closed = wire.post(STATEMENTS, Wire.statement(ws, "SELECT 1").put("session_id", jdbcStyle));
    assertEquals(404, closed.status, closed.body);
    assertEquals("RESOURCE_DOES_NOT_EXIST", closed.json().path("error_code").asText());
  }

  @Test
  void useInASessionHoldsForTheSessionsLaterStatementsOnly() {
    String session = openSession("/api/2.0/sql/warehouses/" + ws.defaultWarehouseId() + "/sessions", Wire.object());
    JsonNode before = wire.execute(Wire.statement(ws, "SELECT current_schema()").put("session_id", session));
    assertEquals("default", before.at("/result/data_array/0/0").asText(), before.toString());

    JsonNode use = wire.execute(Wire.statement(ws, "USE SCHEMA drivers").put("session_id", session));
    assertEquals("SUCCEEDED", use.at("/status/state").asText(), use.toString());

    JsonNode after = wire.execute(
        Wire.statement(ws, "SELECT current_catalog(), current_schema(), seven FROM t").put("session_id", session));
    assertEquals("[\"main\",\"drivers\",\"7\"]", after.at("/result/data_array/0").toString(), after.toString());
    JsonNode outside = wire.execute(Wire.statement(ws, "SELECT current_schema()"));
    assertEquals("default", outside.at("/result/data_array/0/0").asText(), "other statements keep the default");
    String other = openSession("/api/2.0/sql/sessions", Wire.object().put("warehouse_id", ws.defaultWarehouseId()));
    JsonNode fresh = wire.execute(Wire.statement(ws, "SELECT current_schema()").put("session_id", other));
    assertEquals("default", fresh.at("/result/data_array/0/0").asText(), "and so do other sessions");
    assertEquals(200, delete("/api/2.0/sql/sessions/" + session).status);
    assertEquals(200, delete("/api/2.0/sql/sessions/" + other).status);
  }

  @Test
  void sessionsRefuseWhatTheyCannotHonour() {
    ObjectNode zone = Wire.object().put("warehouse_id", ws.defaultWarehouseId());
    zone.putObject("session_confs").put("TIMEZONE", "America/New_York");
    assertEquals(400, wire.post("/api/2.0/sql/sessions", zone).status);
    ObjectNode unknown = Wire.object().put("warehouse_id", ws.defaultWarehouseId());
    unknown.putObject("session_confs").put("spark.sql.shuffle.partitions", "4");
    Wire.Reply refused = wire.post("/api/2.0/sql/sessions", unknown);
    assertEquals(400, refused.status);
    assertTrue(refused.json().path("message").asText().contains("spark.sql.shuffle.partitions"), refused.body);
    assertEquals(404, wire.post("/api/2.0/sql/warehouses/nope/sessions", Wire.object()).status);

    ws.addWarehouse("other-warehouse", "Other");
    String other = openSession("/api/2.0/sql/warehouses/other-warehouse/sessions", Wire.object());
    Wire.Reply mismatch = wire.post(STATEMENTS, Wire.statement(ws, "SELECT 1").put("session_id", other));
    assertEquals(400, mismatch.status, mismatch.body);
  }

  @Test
  void deleteClosesAStatementAndFreesItsResultIdempotently() {
    JsonNode done = wire.execute(Wire.statement(ws, "SELECT * FROM range(250)"));
    String id = done.path("statement_id").asText();
    assertEquals(200, delete(STATEMENTS + id).status);
    assertEquals(200, delete(STATEMENTS + id).status);
    assertEquals("CLOSED", wire.statement(id).at("/status/state").asText());
    assertEquals(404, wire.get(STATEMENTS + id + "/result/chunks/1").status);
    assertEquals(404, delete(STATEMENTS + "no-such-statement").status);

    // A running one is cancelled and closed.
    JsonNode running = wire.execute(
        Wire.statement(ws, "SELECT count(*) FROM range(100000000000)").put("wait_timeout", "0s"));
    String runningId = running.path("statement_id").asText();
    assertEquals(200, delete(STATEMENTS + runningId).status);
    assertEquals("CLOSED", ws.awaitStatement(runningId, Wire.WAIT));
  }

  @Test
  void inlineOrExternalLinksAttachesSmallArrowResultsAndLinksLargeOnes() throws IOException {
    JsonNode small = wire.execute(Wire.statement(ws, "SELECT id FROM range(3)")
        .put("disposition", "INLINE_OR_EXTERNAL_LINKS").put("format", "ARROW_STREAM")
        .put("result_compression", "LZ4_FRAME"));
    assertEquals("LZ4_FRAME", small.at("/manifest/result_compression").asText());
    assertFalse(small.path("result").has("external_links"));
    byte[] attachment = Base64.getDecoder().decode(small.at("/result/attachment").asText());
    byte[] arrow;
    try (InputStream in = new LZ4FrameInputStream(new ByteArrayInputStream(attachment))) {
      arrow = in.readAllBytes();
    }
    assertArrayEquals(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF}, java.util.Arrays.copyOf(arrow, 4));
    assertEquals(attachment.length, small.at("/result/byte_count").asLong());

    JsonNode large = wire.execute(Wire.statement(ws, "SELECT id FROM range(250)")
        .put("disposition", "INLINE_OR_EXTERNAL_LINKS").put("format", "ARROW_STREAM"));
    assertEquals(3, large.at("/manifest/total_chunk_count").asInt());
    assertFalse(large.path("result").has("attachment"));
    assertTrue(large.at("/result/external_links/0/external_link").asText().startsWith(ws.storageHost() + "/_external/"));
  }

  @Test
  void externalLinksLiveOnTheStoragePortWhichRefusesAuthorization() {
    JsonNode response = wire.execute(Wire.statement(ws, "SELECT id FROM range(3)").put("disposition", "EXTERNAL_LINKS"));
    JsonNode link = response.at("/result/external_links/0");
    String url = link.path("external_link").asText();
    assertFalse(ws.storageHost().equals(ws.host()));
    assertTrue(url.startsWith(ws.storageHost() + "/_external/"), url);
    Map<String, String> headers = Map.of("x-kiln-link-check", link.at("/http_headers/x-kiln-link-check").asText());
    assertEquals(200, Wire.download(url, headers).status);
    Wire.Reply withAuth = Wire.send(HttpRequest.newBuilder(URI.create(url))
        .header("x-kiln-link-check", headers.get("x-kiln-link-check"))
        .header("Authorization", "Bearer " + ws.token()).GET().build());
    assertEquals(400, withAuth.status);
    assertTrue(withAuth.body.contains("<Code>InvalidArgument</Code>"), withAuth.body);
    // The workspace port does not serve links, nor the storage port the API.
    assertEquals(404, Wire.download(url.replace(ws.storageHost(), ws.host()), headers).status);
    assertEquals(404, Wire.download(ws.storageHost() + "/.well-known/databricks-config", Map.of()).status);
  }

  @Test
  void positionalParametersBindQuestionMarksInOrder() {
    ObjectNode body = Wire.statement(ws, "SELECT ? + 1 AS a, ? AS b, '?' AS literal, ? IS NULL AS c -- ?");
    body.putArray("parameters")
        .add(Wire.object().put("ordinal", 1).put("type", "INT").put("value", "41"))
        .add(Wire.object().put("ordinal", 2).put("type", "DECIMAL(5,2)").put("value", "1.50"))
        .add(Wire.object().put("ordinal", 3).put("type", "STRING").putNull("value"));
    JsonNode response = wire.execute(body);
    assertEquals("SUCCEEDED", response.at("/status/state").asText(), response.toString());
    assertEquals("42", response.at("/result/data_array/0/0").asText());
    assertEquals("1.50", response.at("/result/data_array/0/1").asText());
    assertEquals("?", response.at("/result/data_array/0/2").asText());
    assertEquals("true", response.at("/result/data_array/0/3").asText());

    ObjectNode missing = Wire.statement(ws, "SELECT ?, ?");
    missing.putArray("parameters").add(Wire.object().put("ordinal", 1).put("value", "x"));
    JsonNode unbound = wire.execute(missing);
    assertEquals("FAILED", unbound.at("/status/state").asText());
    assertEquals("42P02", unbound.at("/status/sql_state").asText(), unbound.toString());
  }

  @Test
  void badParametersAndUnknownFieldsAreRefused() {
    ObjectNode mixed = Wire.statement(ws, "SELECT ?, :name");
    mixed.putArray("parameters").add(Wire.object().put("ordinal", 1).put("value", "x"))
        .add(Wire.object().put("name", "name").put("value", "y"));
    assertEquals(400, wire.post(STATEMENTS, mixed).status);
    ObjectNode zero = Wire.statement(ws, "SELECT ?");
    zero.putArray("parameters").add(Wire.object().put("ordinal", 0).put("value", "x"));
    assertEquals(400, wire.post(STATEMENTS, zero).status);
    ObjectNode twice = Wire.statement(ws, "SELECT ?");
    twice.putArray("parameters").add(Wire.object().put("ordinal", 1).put("value", "x"))
        .add(Wire.object().put("ordinal", 1).put("value", "y"));
    assertEquals(400, wire.post(STATEMENTS, twice).status);

    Wire.Reply unknown = wire.post(STATEMENTS, Wire.statement(ws, "SELECT 1").put("result_limit", 5));
    assertEquals(400, unknown.status);
    assertTrue(unknown.json().path("message").asText().contains("result_limit"), unknown.body);
    ObjectNode tagged = Wire.statement(ws, "SELECT 1");
    tagged.putArray("query_tags").add(Wire.object().put("key", "team").put("value", "kiln"));
    assertEquals(200, wire.post(STATEMENTS, tagged).status);
  }
}
