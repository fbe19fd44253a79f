package dev.kiln.emulator.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksError;
import com.databricks.sdk.core.error.platform.InvalidParameterValue;
import com.databricks.sdk.core.error.platform.NotFound;
import com.databricks.sdk.service.sql.BaseChunkInfo;
import com.databricks.sdk.service.sql.CancelExecutionRequest;
import com.databricks.sdk.service.sql.ColumnInfo;
import com.databricks.sdk.service.sql.ColumnInfoTypeName;
import com.databricks.sdk.service.sql.Disposition;
import com.databricks.sdk.service.sql.ExecuteStatementRequest;
import com.databricks.sdk.service.sql.ExecuteStatementRequestOnWaitTimeout;
import com.databricks.sdk.service.sql.ExternalLink;
import com.databricks.sdk.service.sql.Format;
import com.databricks.sdk.service.sql.ListQueriesRequest;
import com.databricks.sdk.service.sql.ListQueryObjectsResponseQuery;
import com.databricks.sdk.service.sql.Query;
import com.databricks.sdk.service.sql.QueryParameter;
import com.databricks.sdk.service.sql.ResultData;
import com.databricks.sdk.service.sql.ServiceErrorCode;
import com.databricks.sdk.service.sql.StatementParameterListItem;
import com.databricks.sdk.service.sql.StatementResponse;
import com.databricks.sdk.service.sql.StatementState;
import com.databricks.sdk.service.sql.LifecycleState;
import com.databricks.sdk.service.sql.RunAsMode;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.emulator.LocalWorkspace;
import dev.kiln.emulator.SavedQuery;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SQL Statement Execution and the Queries API through the official SDK's {@code StatementExecutionAPI} / {@code QueriesAPI}. */
class SqlStatementsFidelityTest {
  /** Runs for many seconds unless cancelled. */
  private static final String SLOW_SQL = "SELECT sum(a.id * b.id) FROM range(100000) a, range(100000) b";

  private static final ObjectMapper JSON = new ObjectMapper();

  static LocalWorkspace ws;
  static WorkspaceClient w;

  @BeforeAll
  static void start() {
    ws = LocalWorkspace.builder().chunkRowCount(4).start();
    w = OfficialSdk.client(ws);
    ws.sql().execute(
        "CREATE TABLE sales (agency VARCHAR, year INT, amount DECIMAL(12,2));"
            + "INSERT INTO sales VALUES ('BIR', 2026, 100.50), ('BIR', 2026, 20.25), ('BOC', 2025, 7.00)");
  }

  @AfterAll
  static void stop() {
    ws.close();
  }

  private static ExecuteStatementRequest statement(String sql) {
    return new ExecuteStatementRequest()
        .setWarehouseId(ws.defaultWarehouseId())
        .setStatement(sql)
        .setWaitTimeout("10s");
  }

  private static List<List<String>> rows(ResultData data) {
    assertNotNull(data.getDataArray(), "data_array");
    return data.getDataArray().stream().map(ArrayList::new).collect(Collectors.toList());
  }

  private static List<ColumnInfo> columns(StatementResponse response) {
    return new ArrayList<>(response.getManifest().getSchema().getColumns());
  }

  @Test
  void aQuerySucceedsWithItsManifestAndInlineRows() {
    StatementResponse r = w.statementExecution().executeStatement(
        statement("SELECT 1 AS n, 'a' AS s, CAST(2.5 AS DOUBLE) AS d, CAST(NULL AS STRING) AS z,"
            + " CAST(12.34 AS DECIMAL(10,2)) AS m, true AS b, DATE '2026-01-31' AS day"));

    assertNotNull(r.getStatementId());
    assertEquals(StatementState.SUCCEEDED, r.getStatus().getState());
    assertNull(r.getStatus().getError());
    assertEquals(Format.JSON_ARRAY, r.getManifest().getFormat());
    assertEquals(7L, r.getManifest().getSchema().getColumnCount());
    List<ColumnInfo> columns = columns(r);
    assertEquals(List.of("n", "s", "d", "z", "m", "b", "day"),
        columns.stream().map(ColumnInfo::getName).collect(Collectors.toList()));
    assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L),
        columns.stream().map(ColumnInfo::getPosition).collect(Collectors.toList()));
    assertEquals(
        List.of(ColumnInfoTypeName.INT, ColumnInfoTypeName.STRING, ColumnInfoTypeName.DOUBLE, ColumnInfoTypeName.STRING,
            ColumnInfoTypeName.DECIMAL, ColumnInfoTypeName.BOOLEAN, ColumnInfoTypeName.DATE),
        columns.stream().map(ColumnInfo::getTypeName).collect(Collectors.toList()),
        "every type_name must be a value the SDK's enum knows (unknown ones read as null)");
    assertEquals(10L, columns.get(4).getTypePrecision());
    assertEquals(2L, columns.get(4).getTypeScale());
    assertEquals("DECIMAL(10,2)", columns.get(4).getTypeText());
    assertEquals(1L, r.getManifest().getTotalRowCount());
    assertEquals(1L, r.getManifest().getTotalChunkCount());
    assertFalse(r.getManifest().getTruncated());

    ResultData result = r.getResult();
    assertEquals(0L, result.getChunkIndex());
    assertEquals(0L, result.getRowOffset());
    assertEquals(1L, result.getRowCount());
    assertEquals(List.of(Arrays.asList("1", "a", "2.5", null, "12.34", "true", "2026-01-31")), rows(result));
    assertNull(result.getNextChunkIndex());
  }

  @Test
  void moreColumnTypesMapToDatabricksTypeNames() {
    StatementResponse r = w.statementExecution().executeStatement(statement(
        "SELECT CAST(1 AS TINYINT) AS b, CAST(2 AS SMALLINT) AS s, CAST(3 AS BIGINT) AS l, CAST(1.5 AS FLOAT) AS f,"
            + " TIMESTAMP '2026-01-02 03:04:05' AS ts, INTERVAL 3 DAY AS i"));
    assertEquals(StatementState.SUCCEEDED, r.getStatus().getState());
    assertEquals(
        List.of(ColumnInfoTypeName.BYTE, ColumnInfoTypeName.SHORT, ColumnInfoTypeName.LONG, ColumnInfoTypeName.FLOAT,
            ColumnInfoTypeName.TIMESTAMP, ColumnInfoTypeName.INTERVAL),
        columns(r).stream().map(ColumnInfo::getTypeName).collect(Collectors.toList()));
    List<String> row = rows(r.getResult()).get(0);
    assertEquals(List.of("1", "2", "3", "1.5"), row.subList(0, 4));
    assertEquals(Instant.parse("2026-01-02T03:04:05Z"), Instant.parse(row.get(4)));
  }

  @Test
  void anUntypedNullIsOfTypeNull() {
    StatementResponse r = w.statementExecution().executeStatement(statement("SELECT NULL AS z"));
    assertEquals(StatementState.SUCCEEDED, r.getStatus().getState());
    assertEquals(ColumnInfoTypeName.NULL, columns(r).get(0).getTypeName());
    assertEquals("VOID", columns(r).get(0).getTypeText());
    assertEquals(Arrays.asList((String) null), rows(r.getResult()).get(0));
  }

  @Test
  void namedParametersAreBoundWithTheirTypes() {
    StatementResponse r = w.statementExecution().executeStatement(
        statement("SELECT agency, SUM(amount) AS total FROM sales WHERE year = :year AND agency = :agency GROUP BY agency")
            .setParameters(List.of(
                new StatementParameterListItem().setName("year").setValue("2026").setType("INT"),
                new StatementParameterListItem().setName("agency").setValue("BIR"))));

    assertEquals(StatementState.SUCCEEDED, r.getStatus().getState(), String.valueOf(r.getStatus().getError()));
    assertEquals(List.of(List.of("BIR", "120.75")), rows(r.getResult()));
    assertEquals(ColumnInfoTypeName.DECIMAL, columns(r).get(1).getTypeName());

    StatementResponse nullParam = w.statementExecution().executeStatement(
        statement("SELECT :v IS NULL AS is_null")
            .setParameters(List.of(new StatementParameterListItem().setName("v").setType("STRING"))));
    assertEquals(List.of(List.of("true")), rows(nullParam.getResult()), "an omitted value binds NULL");
  }

  @Test
  void aSqlErrorIsAFailedStatementWithItsError() {
    StatementResponse r = w.statementExecution().executeStatement(statement("SELECT * FROM no_such_table"));

    assertEquals(StatementState.FAILED, r.getStatus().getState());
    assertNotNull(r.getStatus().getError());
    assertEquals(ServiceErrorCode.BAD_REQUEST, r.getStatus().getError().getErrorCode());
    assertTrue(r.getStatus().getError().getMessage().contains("TABLE_OR_VIEW_NOT_FOUND"),
        r.getStatus().getError().getMessage());
    assertNull(r.getManifest());
    assertNull(r.getResult());

    StatementResponse syntax = w.statementExecution().executeStatement(statement("SELEC 1"));
    assertEquals(StatementState.FAILED, syntax.getStatus().getState());
    assertEquals(ServiceErrorCode.BAD_REQUEST, syntax.getStatus().getError().getErrorCode());
    assertTrue(syntax.getStatus().getError().getMessage().contains("PARSE_SYNTAX_ERROR"));
  }

  @Test
  void getStatementReturnsTheSameStatement() {
    StatementResponse submitted = w.statementExecution().executeStatement(
        statement("SELECT id FROM range(3)").setWaitTimeout("0s"));
    assertTrue(Set.of(StatementState.PENDING, StatementState.RUNNING, StatementState.SUCCEEDED)
        .contains(submitted.getStatus().getState()), String.valueOf(submitted.getStatus().getState()));

    StatementResponse done = awaitTerminal(submitted.getStatementId());
    assertEquals(submitted.getStatementId(), done.getStatementId());
    assertEquals(StatementState.SUCCEEDED, done.getStatus().getState());
    assertEquals(List.of(List.of("0"), List.of("1"), List.of("2")), rows(done.getResult()));
    assertEquals(ColumnInfoTypeName.LONG, columns(done).get(0).getTypeName());

    assertThrows(NotFound.class, () -> w.statementExecution().getStatement("01f00000-0000-0000-0000-000000000000"));
  }

  @Test
  void aMultiChunkInlineResultIsReadChunkByChunk() {
    StatementResponse r = w.statementExecution().executeStatement(statement("SELECT id, id * 10 AS tens FROM range(10)"));

    assertEquals(StatementState.SUCCEEDED, r.getStatus().getState());
    assertEquals(3L, r.getManifest().getTotalChunkCount());
    assertEquals(10L, r.getManifest().getTotalRowCount());
    List<BaseChunkInfo> chunks = new ArrayList<>(r.getManifest().getChunks());
    assertEquals(List.of(0L, 4L, 8L), chunks.stream().map(BaseChunkInfo::getRowOffset).collect(Collectors.toList()));
    assertEquals(List.of(4L, 4L, 2L), chunks.stream().map(BaseChunkInfo::getRowCount).collect(Collectors.toList()));
    assertEquals(1L, r.getResult().getNextChunkIndex());
    assertEquals("/api/2.0/sql/statements/" + r.getStatementId() + "/result/chunks/1",
        r.getResult().getNextChunkInternalLink());

    List<List<String>> all = new ArrayList<>(rows(r.getResult()));
    Long next = r.getResult().getNextChunkIndex();
    while (next != null) {
      ResultData chunk = w.statementExecution().getStatementResultChunkN(r.getStatementId(), next);
      assertEquals(next, chunk.getChunkIndex());
      assertEquals(4L * next, chunk.getRowOffset());
      all.addAll(rows(chunk));
      next = chunk.getNextChunkIndex();
    }
    assertEquals(10, all.size());
    for (int i = 0; i < 10; i++) {
      assertEquals(List.of(Integer.toString(i), Integer.toString(i * 10)), all.get(i));
    }
    // Chunks can be fetched again, in any order.
    assertEquals(List.of(List.of("8", "80"), List.of("9", "90")),
        rows(w.statementExecution().getStatementResultChunkN(r.getStatementId(), 2)));
    assertEquals(List.of("0", "0"), rows(w.statementExecution().getStatementResultChunkN(r.getStatementId(), 0)).get(0));
  }

  @Test
  void rowLimitTruncates() {
    StatementResponse r = w.statementExecution().executeStatement(statement("SELECT id FROM range(100)").setRowLimit(5L));
    assertEquals(StatementState.SUCCEEDED, r.getStatus().getState());
    assertEquals(5L, r.getManifest().getTotalRowCount());
    assertTrue(r.getManifest().getTruncated());
  }

  @Test
  void externalLinksAreDownloadedWithoutAuthorization() throws Exception {
    StatementResponse r = w.statementExecution().executeStatement(
        statement("SELECT id, 'row ' || id AS label FROM range(6)").setDisposition(Disposition.EXTERNAL_LINKS));

    assertEquals(StatementState.SUCCEEDED, r.getStatus().getState());
    assertEquals(2L, r.getManifest().getTotalChunkCount());
    assertNull(r.getResult().getDataArray());
    List<ExternalLink> links = new ArrayList<>(r.getResult().getExternalLinks());
    assertEquals(1, links.size());
    ExternalLink first = links.get(0);
    assertEquals(0L, first.getChunkIndex());
    assertEquals(4L, first.getRowCount());
    assertEquals(1L, first.getNextChunkIndex());
    Instant expiration = Instant.parse(first.getExpiration());
    assertTrue(expiration.isAfter(Instant.now()), first.getExpiration());

    HttpClient plain = HttpClient.newHttpClient();
    HttpResponse<String> download = plain.send(get(first), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, download.statusCode(), download.body());
    assertEquals(List.of(List.of("0", "row 0"), List.of("1", "row 1"), List.of("2", "row 2"), List.of("3", "row 3")),
        JSON.readValue(download.body(), new TypeReference<List<List<String>>>() {}));

    HttpRequest withAuth = HttpRequest.newBuilder(URI.create(first.getExternalLink()))
        .header("Authorization", "Bearer " + ws.token()).build();
    int rejected = plain.send(withAuth, HttpResponse.BodyHandlers.discarding()).statusCode();
    assertTrue(rejected >= 400, "a presigned link refuses a request carrying Authorization, got " + rejected);

    ResultData second = w.statementExecution().getStatementResultChunkN(r.getStatementId(), 1);
    ExternalLink secondLink = second.getExternalLinks().iterator().next();
    assertEquals(1L, secondLink.getChunkIndex());
    assertEquals(4L, secondLink.getRowOffset());
    assertNull(secondLink.getNextChunkIndex());
    String body = plain.send(get(secondLink), HttpResponse.BodyHandlers.ofString()).body();
    assertEquals(List.of(List.of("4", "row 4"), List.of("5", "row 5")),
        JSON.readValue(body, new TypeReference<List<List<String>>>() {}));
  }

  @Test
  void anExpiredLinkIsRefreshedByFetchingTheChunkAgain() throws Exception {
    StatementResponse r = w.statementExecution().executeStatement(
        statement("SELECT id FROM range(3)").setDisposition(Disposition.EXTERNAL_LINKS));
    ExternalLink link = r.getResult().getExternalLinks().iterator().next();
    ws.faults().expireExternalLinksNow();
    HttpClient plain = HttpClient.newHttpClient();
    assertEquals(403, plain.send(get(link), HttpResponse.BodyHandlers.discarding()).statusCode());

    ExternalLink fresh = w.statementExecution().getStatementResultChunkN(r.getStatementId(), 0)
        .getExternalLinks().iterator().next();
    HttpResponse<String> again = plain.send(get(fresh), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, again.statusCode());
    assertTrue(again.body().contains("\"2\""), again.body());
  }

  @Test
  void badRequestsAreTypedErrors() {
    InvalidParameterValue timeout = assertThrows(InvalidParameterValue.class,
        () -> w.statementExecution().executeStatement(statement("SELECT 1").setWaitTimeout("3s")));
    assertEquals(400, timeout.getStatusCode());
    assertThrows(NotFound.class,
        () -> w.statementExecution().executeStatement(statement("SELECT 1").setWarehouseId("no-such-warehouse")));
    StatementResponse r = w.statementExecution().executeStatement(statement("SELECT 1"));
    DatabricksError outOfRange = assertThrows(DatabricksError.class,
        () -> w.statementExecution().getStatementResultChunkN(r.getStatementId(), 5));
    assertEquals(400, outOfRange.getStatusCode());
  }

  @Test
  void catalogAndSchemaQualifyNames() {
    ws.sql().createCatalog("fin");
    ws.sql().execute("CREATE SCHEMA fin.reports; CREATE TABLE fin.reports.totals AS SELECT 7 AS total");
    StatementResponse r = w.statementExecution().executeStatement(
        statement("SELECT total FROM totals").setCatalog("fin").setSchema("reports"));
    assertEquals(StatementState.SUCCEEDED, r.getStatus().getState(), String.valueOf(r.getStatus().getError()));
    assertEquals(List.of(List.of("7")), rows(r.getResult()));
  }

  @Test
  void csvExternalLinksCarryTheHeaderInTheFirstChunk() throws Exception {
    StatementResponse r = w.statementExecution().executeStatement(
        statement("SELECT agency, year FROM sales ORDER BY amount DESC")
            .setDisposition(Disposition.EXTERNAL_LINKS).setFormat(Format.CSV));
    assertEquals(StatementState.SUCCEEDED, r.getStatus().getState());
    assertEquals(Format.CSV, r.getManifest().getFormat());
    String csv = HttpClient.newHttpClient()
        .send(get(r.getResult().getExternalLinks().iterator().next()), HttpResponse.BodyHandlers.ofString()).body();
    assertEquals(List.of("agency,year", "BIR,2026", "BIR,2026", "BOC,2025"), Arrays.asList(csv.trim().split("\r?\n")));
  }

  private static HttpRequest get(ExternalLink link) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(link.getExternalLink()));
    if (link.getHttpHeaders() != null) {
      link.getHttpHeaders().forEach(request::header);
    }
    return request.build();
  }

  @Test
  void cancelEndsARunningStatementCanceled() {
    StatementResponse submitted = w.statementExecution().executeStatement(statement(SLOW_SQL).setWaitTimeout("0s"));
    String id = submitted.getStatementId();

    w.statementExecution().cancelExecution(new CancelExecutionRequest().setStatementId(id));

    assertEquals(StatementState.CANCELED, awaitTerminal(id).getStatus().getState());
  }

  @Test
  void onWaitTimeoutCancelAnswersCanceled() {
    StatementResponse r = w.statementExecution().executeStatement(
        statement(SLOW_SQL).setWaitTimeout("5s").setOnWaitTimeout(ExecuteStatementRequestOnWaitTimeout.CANCEL));
    assertEquals(StatementState.CANCELED, r.getStatus().getState());
  }

  /** Waits on the workspace (no polling) until the statement is terminal, then reads it through the SDK. */
  private static StatementResponse awaitTerminal(String id) {
    ws.awaitStatement(id, Duration.ofSeconds(20));
    StatementResponse r = w.statementExecution().getStatement(id);
    assertNotNull(r.getStatus().getState(), "a state the SDK knows");
    return r;
  }

  // ---- Queries API

  @Test
  void savedQueriesAreListedInPagesAndFetchedById() {
    try (LocalWorkspace queries = LocalWorkspace.start()) {
      WorkspaceClient client = OfficialSdk.client(queries);
      String revenue = queries.addQuery(SavedQuery.builder()
          .displayName("Revenue by agency").queryText("SELECT agency, SUM(amount) FROM sales GROUP BY agency")
          .catalog("main").schema("finance").description("Monthly revenue").addTags("finance")
          .putParameters("agency", "BIR").build());
      for (int i = 0; i < 4; i++) {
        queries.addQuery(SavedQuery.builder().displayName("q" + i).queryText("SELECT " + i).build());
      }
      String trashed = queries.addQuery(SavedQuery.builder().displayName("old").queryText("SELECT 0").trashed(true).build());

      List<ListQueryObjectsResponseQuery> listed = new ArrayList<>();
      client.queries().list(new ListQueriesRequest().setPageSize(2L)).forEach(listed::add);

      assertEquals(5, listed.size(), "the SDK follows next_page_token over 3 pages; trashed queries are not listed");
      Set<String> ids = listed.stream().map(ListQueryObjectsResponseQuery::getId).collect(Collectors.toCollection(HashSet::new));
      assertTrue(ids.contains(revenue));
      assertFalse(ids.contains(trashed));
      ListQueryObjectsResponseQuery q = listed.stream().filter(x -> x.getId().equals(revenue)).findFirst().get();
      assertEquals("Revenue by agency", q.getDisplayName());
      assertEquals("SELECT agency, SUM(amount) FROM sales GROUP BY agency", q.getQueryText());
      assertEquals(queries.defaultWarehouseId(), q.getWarehouseId());
      assertEquals("main", q.getCatalog());
      assertEquals("finance", q.getSchema());
      assertEquals(LifecycleState.ACTIVE, q.getLifecycleState());
      assertEquals(RunAsMode.OWNER, q.getRunAsMode());
      assertEquals(List.of("finance"), new ArrayList<>(q.getTags()));
      assertNotNull(q.getOwnerUserName());
      assertNotNull(Instant.parse(q.getCreateTime()));
      QueryParameter parameter = q.getParameters().iterator().next();
      assertEquals("agency", parameter.getName());
      assertEquals("BIR", parameter.getTextValue().getValue());

      Query byId = client.queries().get(trashed);
      assertEquals(LifecycleState.TRASHED, byId.getLifecycleState());
      assertEquals("old", byId.getDisplayName());
      assertThrows(NotFound.class, () -> client.queries().get("no-such-query"));
    }
  }

}
