package dev.kiln.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SQL Statement Execution over the wire: states, waits, parameters, limits, chunks, errors, cancel. */
class SqlStatementsTest {
  /** Runs for many seconds unless cancelled: 10^10 joined rows. */
  static final String SLOW_SQL = "SELECT sum(a.id * b.id) FROM range(100000) a, range(100000) b";

  static LocalWorkspace ws;
  static Wire wire;

  @BeforeAll
  static void start() {
    ws = LocalWorkspace.builder().chunkRowCount(4).start();
    wire = new Wire(ws);
    ws.sql().execute(
        "CREATE TABLE sales (agency VARCHAR, year INT, amount DECIMAL(12,2));"
            + "INSERT INTO sales VALUES ('BIR', 2026, 100.50), ('BIR', 2026, 20.25), ('BOC', 2025, 7.00)");
  }

  @AfterAll
  static void stop() {
    ws.close();
  }

  @Test
  void requestsWithoutTheTokenAreUnauthenticated() {
    Wire.Reply anonymous =
        Wire.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(ws.host() + "/api/2.0/sql/statements/x"))
            .build());
    assertEquals(401, anonymous.status);
    assertEquals("UNAUTHENTICATED", anonymous.json().path("error_code").asText());

    Wire.Reply wrongToken =
        Wire.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(ws.host() + "/api/2.0/sql/queries"))
            .header("Authorization", "Bearer dapi-not-it")
            .build());
    assertEquals(401, wrongToken.status);
    assertTrue(wrongToken.json().has("message"));
  }

  @Test
  void waitTimeoutHoldsTheReplyUntilTheStatementSucceeds() {
    JsonNode response = wire.execute(Wire.statement(ws, "SELECT id FROM range(3)").put("wait_timeout", "10s"));

    assertEquals("SUCCEEDED", response.at("/status/state").asText());
    JsonNode column = response.at("/manifest/schema/columns/0");
    assertEquals("id", column.path("name").asText());
    assertEquals("LONG", column.path("type_name").asText());
    assertEquals("BIGINT", column.path("type_text").asText());
    assertEquals(0, column.path("position").asInt());
    assertEquals("JSON_ARRAY", response.at("/manifest/format").asText());
    assertEquals(3, response.at("/manifest/total_row_count").asLong());
    assertEquals("[[\"0\"],[\"1\"],[\"2\"]]", response.at("/result/data_array").toString());
  }

  @Test
  void zeroWaitAnswersAtOnceAndPollingReachesSucceeded() {
    JsonNode submitted =
        wire.execute(Wire.statement(ws, "SELECT agency, SUM(amount) AS total FROM sales GROUP BY agency ORDER BY 1")
            .put("wait_timeout", "0s"));
    String state = submitted.at("/status/state").asText();
    assertTrue(Set.of("PENDING", "RUNNING", "SUCCEEDED").contains(state), state);
    assertFalse(state.equals("PENDING") && submitted.has("manifest"), "no manifest before success");

    JsonNode done = wire.awaitStatement(submitted.path("statement_id").asText());

    assertEquals("SUCCEEDED", done.at("/status/state").asText());
    assertEquals("[[\"BIR\",\"120.75\"],[\"BOC\",\"7.00\"]]", done.at("/result/data_array").toString());
    assertEquals("DECIMAL", done.at("/manifest/schema/columns/1/type_name").asText());
    assertEquals(38, done.at("/manifest/schema/columns/1/type_precision").asInt()); // DuckDB widens SUM fully
    assertEquals(2, done.at("/manifest/schema/columns/1/type_scale").asInt());
  }

  @Test
  void namedParametersAreBoundWithTheirTypes() {
    ObjectNode body =
        Wire.statement(
            ws,
            "SELECT :s AS s, :i + 1 AS i, :big AS big, :d AS d, :flag AS flag, :day AS day, :ts AS ts,"
                + " :dbl AS dbl, :missing AS missing, ':not_a_param' AS literal, 3::INT AS cast_kept");
    ArrayNode parameters = body.putArray("parameters");
    parameters.addObject().put("name", "s").put("value", "it's");
    parameters.addObject().put("name", "i").put("value", "41").put("type", "INT");
    parameters.addObject().put("name", "big").put("value", "9000000000").put("type", "BIGINT");
    parameters.addObject().put("name", "d").put("value", "12.345").put("type", "DECIMAL(10,2)");
    parameters.addObject().put("name", "flag").put("value", "true").put("type", "BOOLEAN");
    parameters.addObject().put("name", "day").put("value", "2026-01-31").put("type", "DATE");
    parameters.addObject().put("name", "ts").put("value", "2026-01-31T10:15:30Z").put("type", "TIMESTAMP");
    parameters.addObject().put("name", "dbl").put("value", "2.5").put("type", "DOUBLE");
    parameters.addObject().put("name", "missing").put("type", "INT");

    JsonNode response = wire.execute(body);

    assertEquals("SUCCEEDED", response.at("/status/state").asText(), response.toString());
    assertEquals(
        "[\"it's\",\"42\",\"9000000000\",\"12.35\",\"true\",\"2026-01-31\",\"2026-01-31T10:15:30.000Z\",\"2.5\","
            + "null,\":not_a_param\",\"3\"]",
        response.at("/result/data_array/0").toString());
    List<String> types = new ArrayList<>();
    response.at("/manifest/schema/columns").forEach(c -> types.add(c.path("type_name").asText()));
    assertEquals(
        List.of("STRING", "INT", "LONG", "DECIMAL", "BOOLEAN", "DATE", "TIMESTAMP", "DOUBLE", "INT", "STRING", "INT"),
        types);
  }

  @Test
  void anUnboundParameterFailsTheStatement() {
    JsonNode response = wire.execute(Wire.statement(ws, "SELECT :nope AS x"));

    assertEquals("FAILED", response.at("/status/state").asText());
    assertEquals("42P02", response.at("/status/sql_state").asText());
    assertTrue(response.at("/status/error/message").asText().startsWith("[UNBOUND_SQL_PARAMETER]"));
  }

  @Test
  void valuesAreFormattedLikeDatabricks() {
    JsonNode response =
        wire.execute(Wire.statement(
            ws,
            "SELECT false AS b, [1, 2] AS arr, MAP {'k': 1} AS m, {'a': 1, 'b': 'x'} AS st,"
                + " X'0102' AS bin, 1.5::FLOAT AS f, 3::TINYINT AS t, 4::SMALLINT AS sm,"
                + " TIMESTAMPTZ '2026-01-31 12:15:30.5+02' AS tz, `weird name` FROM (SELECT 1 AS `weird name`)"));

    assertEquals("SUCCEEDED", response.at("/status/state").asText(), response.toString());
    assertEquals(
        "[\"false\",\"[1,2]\",\"{\\\"k\\\":1}\",\"{\\\"a\\\":1,\\\"b\\\":\\\"x\\\"}\",\"AQI=\",\"1.5\",\"3\",\"4\","
            + "\"2026-01-31T10:15:30.500Z\",\"1\"]",
        response.at("/result/data_array/0").toString());
    List<String> typeTexts = new ArrayList<>();
    response.at("/manifest/schema/columns").forEach(c -> typeTexts.add(c.path("type_name").asText() + " " + c.path("type_text").asText()));
    assertEquals(
        List.of("BOOLEAN BOOLEAN", "ARRAY ARRAY<INT>", "MAP MAP<STRING, INT>", "STRUCT STRUCT<a: INT, b: STRING>",
            "BINARY BINARY", "FLOAT FLOAT", "BYTE TINYINT", "SHORT SMALLINT", "TIMESTAMP TIMESTAMP", "INT INT"),
        typeTexts);
  }

  @Test
  void sparkRangeHasOneBigintColumnNamedId() {
    JsonNode response = wire.execute(Wire.statement(ws, "SELECT SUM(id) AS s, COUNT(*) AS c FROM range(2, 12, 3) r"));

    assertEquals("[[\"26\",\"4\"]]", response.at("/result/data_array").toString());
  }

  @Test
  void dmlReportsAffectedRows() {
    wire.execute(Wire.statement(ws, "CREATE TABLE dml_target (x INT)"));
    JsonNode inserted = wire.execute(Wire.statement(ws, "INSERT INTO dml_target SELECT id FROM range(7)"));

    assertEquals("num_affected_rows", inserted.at("/manifest/schema/columns/0/name").asText());
    assertEquals("[[\"7\"]]", inserted.at("/result/data_array").toString());
  }

  @Test
  void rowLimitTruncatesAndSaysSo() {
    JsonNode limited = wire.execute(Wire.statement(ws, "SELECT id FROM range(10)").put("row_limit", 3));
    assertTrue(limited.at("/manifest/truncated").asBoolean());
    assertEquals(3, limited.at("/manifest/total_row_count").asLong());

    JsonNode exact = wire.execute(Wire.statement(ws, "SELECT id FROM range(3)").put("row_limit", 3));
    assertFalse(exact.at("/manifest/truncated").asBoolean());
  }

  @Test
  void byteLimitTruncatesAndSaysSo() {
    JsonNode limited = wire.execute(Wire.statement(ws, "SELECT id FROM range(1000)").put("byte_limit", 100));

    assertTrue(limited.at("/manifest/truncated").asBoolean());
    long rows = limited.at("/manifest/total_row_count").asLong();
    assertTrue(rows > 0 && rows < 1000, "rows: " + rows);
  }

  @Test
  void inlineResultsComeInChunks() {
    JsonNode response = wire.execute(Wire.statement(ws, "SELECT id, 'row ' || id AS label FROM range(10)"));
    String id = response.path("statement_id").asText();

    JsonNode manifest = response.path("manifest");
    assertEquals(3, manifest.path("total_chunk_count").asInt());
    assertEquals(10, manifest.path("total_row_count").asInt());
    assertEquals(3, manifest.path("chunks").size());
    assertEquals(8, manifest.at("/chunks/2/row_offset").asInt());
    long byteSum = StreamSupport.stream(manifest.path("chunks").spliterator(), false)
        .mapToLong(c -> c.path("byte_count").asLong()).sum();
    assertEquals(manifest.path("total_byte_count").asLong(), byteSum);

    JsonNode first = response.path("result");
    assertEquals(4, first.path("data_array").size());
    assertEquals(1, first.path("next_chunk_index").asInt());
    assertEquals("/api/2.0/sql/statements/" + id + "/result/chunks/1", first.path("next_chunk_internal_link").asText());

    JsonNode last = wire.chunk(id, 2);
    assertEquals(2, last.path("chunk_index").asInt());
    assertEquals(8, last.path("row_offset").asInt());
    assertEquals("[[\"8\",\"row 8\"],[\"9\",\"row 9\"]]", last.path("data_array").toString());
    assertFalse(last.has("next_chunk_index"));
    assertEquals(400, wire.get("/api/2.0/sql/statements/" + id + "/result/chunks/3").status);
  }

  @Test
  void sqlErrorsFailTheStatementWithSqlState() {
    JsonNode missing = wire.execute(Wire.statement(ws, "SELECT * FROM no_such_table"));
    assertEquals("FAILED", missing.at("/status/state").asText());
    assertEquals("BAD_REQUEST", missing.at("/status/error/error_code").asText());
    assertEquals("42P01", missing.at("/status/sql_state").asText());
    assertTrue(missing.at("/status/error/message").asText().startsWith("[TABLE_OR_VIEW_NOT_FOUND]"));
    assertFalse(missing.has("manifest"));

    JsonNode syntax = wire.execute(Wire.statement(ws, "SELEC 1"));
    assertEquals("42601", syntax.at("/status/sql_state").asText());
    assertTrue(syntax.at("/status/error/message").asText().contains("PARSE_SYNTAX_ERROR"));
  }

  @Test
  void invalidRequestsAreRejectedWith400Or404() {
    assertInvalid(Wire.statement(ws, "SELECT 1").put("wait_timeout", "3s"), 400, "INVALID_PARAMETER_VALUE");
    assertInvalid(Wire.statement(ws, "SELECT 1").put("wait_timeout", "51s"), 400, "INVALID_PARAMETER_VALUE");
    assertInvalid(Wire.statement(ws, "SELECT 1").put("format", "CSV"), 400, "INVALID_PARAMETER_VALUE");
    assertInvalid(Wire.object().put("statement", "SELECT 1"), 400, "INVALID_PARAMETER_VALUE");
    assertInvalid(
        Wire.statement(ws, "SELECT 1").put("disposition", "INLINE").put("format", "ARROW_STREAM"),
        400, "INVALID_PARAMETER_VALUE");
    assertInvalid(
        Wire.statement(ws, "SELECT 1").put("disposition", "EXTERNAL_LINKS").put("format", "ARROW_STREAM")
            .put("result_compression", "ZSTD"),
        400, "INVALID_PARAMETER_VALUE");
    assertInvalid(Wire.statement(ws, "SELECT 1").put("warehouse_id", "0123456789abcdef"), 404, "RESOURCE_DOES_NOT_EXIST");
    ObjectNode badType = Wire.statement(ws, "SELECT :x");
    badType.putArray("parameters").addObject().put("name", "x").put("value", "1").put("type", "GEOGRAPHY");
    assertInvalid(badType, 400, "INVALID_PARAMETER_VALUE");
    assertEquals(404, wire.get("/api/2.0/sql/statements/00000000-0000-0000-0000-000000000000").status);
  }

  private static void assertInvalid(JsonNode body, int status, String errorCode) {
    Wire.Reply reply = wire.post("/api/2.0/sql/statements/", body);
    assertEquals(status, reply.status, reply.body);
    assertEquals(errorCode, reply.json().path("error_code").asText(), reply.body);
  }

  @Test
  void cancelEndsARunningStatementCanceled() {
    JsonNode submitted = wire.execute(Wire.statement(ws, SLOW_SQL).put("wait_timeout", "0s"));
    String id = submitted.path("statement_id").asText();

    Wire.Reply cancel = wire.post("/api/2.0/sql/statements/" + id + "/cancel", Wire.object());
    assertEquals(200, cancel.status);

    assertEquals("CANCELED", wire.awaitStatement(id).at("/status/state").asText());
  }

  @Test
  void onWaitTimeoutCancelCancelsWhenTheWaitIsOver() {
    JsonNode response =
        wire.execute(Wire.statement(ws, SLOW_SQL).put("wait_timeout", "5s").put("on_wait_timeout", "CANCEL"));

    assertEquals("CANCELED", response.at("/status/state").asText());
  }

  @Test
  void fiftyStatementsRunInParallel() {
    List<CompletableFuture<Wire.Reply>> replies = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      ObjectNode body = Wire.statement(ws, "SELECT :n * 2 AS doubled, COUNT(*) AS c FROM range(1000)");
      body.putArray("parameters").addObject().put("name", "n").put("value", Integer.toString(i)).put("type", "INT");
      replies.add(wire.postAsync("/api/2.0/sql/statements/", body));
    }

    Set<String> ids = replies.stream().map(CompletableFuture::join).map(reply -> {
      assertEquals(200, reply.status, reply.body);
      return reply.json();
    }).map(json -> {
      assertEquals("SUCCEEDED", json.at("/status/state").asText(), json.toString());
      return json.path("statement_id").asText();
    }).collect(Collectors.toSet());
    assertEquals(50, ids.size());
    for (int i = 0; i < 50; i++) {
      assertEquals("[\"" + (2 * i) + "\",\"1000\"]", replies.get(i).join().json().at("/result/data_array/0").toString());
    }
  }

  @Test
  void warehousesAreListed() {
    ws.addWarehouse("abcdef0123456789", "Second");
    JsonNode list = wire.get("/api/2.0/sql/warehouses").json();
    assertTrue(list.path("warehouses").size() >= 2);
    assertEquals("RUNNING", wire.get("/api/2.0/sql/warehouses/abcdef0123456789").json().path("state").asText());
    JsonNode response = wire.execute(Wire.statement(ws, "SELECT 1 AS one").put("warehouse_id", "abcdef0123456789"));
    assertEquals("SUCCEEDED", response.at("/status/state").asText());
  }

  @Test
  void catalogAndSchemaSelectWhereUnqualifiedNamesResolve() {
    ws.sql().createCatalog("hive_metastore");
    ws.sql().execute("CREATE SCHEMA hive_metastore.gold; CREATE TABLE hive_metastore.gold.bir AS SELECT 5 AS v");

    JsonNode response =
        wire.execute(Wire.statement(ws, "SELECT v FROM bir").put("catalog", "hive_metastore").put("schema", "gold"));
    assertEquals("[[\"5\"]]", response.at("/result/data_array").toString(), response.toString());

    JsonNode qualified = wire.execute(Wire.statement(ws, "SELECT v FROM hive_metastore.gold.bir"));
    assertEquals("[[\"5\"]]", qualified.at("/result/data_array").toString());
    assertEquals(5, ((Number) ws.sql().query("SELECT v FROM hive_metastore.gold.bir").get(0).get("v")).intValue());
  }
}
