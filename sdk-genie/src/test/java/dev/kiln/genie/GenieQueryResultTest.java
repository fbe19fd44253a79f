package dev.kiln.genie;

import static dev.kiln.genie.GenieWire.message;
import static dev.kiln.genie.GenieWire.messagePath;
import static dev.kiln.core.testing.Wire.expectGet;
import static dev.kiln.core.testing.Wire.expectJsonPost;
import static dev.kiln.core.testing.Wire.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.DatabricksClient;
import dev.kiln.core.Json;
import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.core.testing.FakeSleeper;
import dev.kiln.core.testing.TestClients;
import dev.kiln.core.testing.Wire;
import dev.kiln.genie.model.GenieAnswer;
import dev.kiln.genie.model.GenieMessage;
import dev.kiln.sql.Row;
import dev.kiln.sql.StatementFailedException;
import dev.kiln.sql.StatementResult;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GenieQueryResultTest extends GenieTestBase {
  static final String QUERY_ATTACHMENT = "[{'attachment_id':'att-q','query':{'title':'Open deals',"
      + "'query':'SELECT name, amount, deals, open_since FROM deals','statement_id':'st-1'}}]";
  static final String ATTACHMENT_PATH = messagePath("msg-1") + "/attachments/att-q";
  static final String MANIFEST_AND_ROWS = "'manifest':{'format':'JSON_ARRAY','schema':{'column_count':4,'columns':["
      + "{'name':'name','position':0,'type_name':'STRING','type_text':'STRING'},"
      + "{'name':'amount','position':1,'type_name':'DECIMAL','type_text':'DECIMAL(18,2)','type_precision':18,'type_scale':2},"
      + "{'name':'deals','position':2,'type_name':'LONG','type_text':'BIGINT'},"
      + "{'name':'open_since','position':3,'type_name':'DATE','type_text':'DATE'}]},"
      + "'total_chunk_count':1,'total_row_count':2,'truncated':false,"
      + "'chunks':[{'chunk_index':0,'row_offset':0,'row_count':2}]},"
      + "'result':{'chunk_index':0,'row_offset':0,'row_count':2,'data_array':"
      + "[['Acme','1250000.50','3','2026-01-15'],['Globex','980000.00','2',null]]}";

  private static GenieAnswer answer(String status) throws Exception {
    String json = Wire.json(message("msg-1", status, QUERY_ATTACHMENT));
    return GenieAnswer.of("space-1", Json.mapper().readValue(json, GenieMessage.class));
  }

  private static String statement(String id, String state, String rest) {
    return "{'statement_id':'" + id + "','status':{'state':'" + state + "'}" + (rest.isEmpty() ? "" : "," + rest) + "}";
  }

  private static String queryResult(String statement) {
    return "{'statement_response':" + statement + "}";
  }

  private static void assertTwoTypedRows(StatementResult rows) {
    List<Row> all = rows.toList();
    assertEquals(2, all.size());
    Row acme = all.get(0);
    assertEquals("Acme", acme.getString("name"));
    assertEquals(new BigDecimal("1250000.50"), acme.getBigDecimal("amount"));
    assertEquals(3L, acme.getLong("deals"));
    assertEquals(LocalDate.of(2026, 1, 15), acme.getLocalDate("open_since"));
    assertEquals("Globex", all.get(1).getString(0));
    assertTrue(all.get(1).isNull("open_since"));
  }

  @Test
  void readsTypedRowsThroughSdkSql() throws Exception {
    server.enqueue(ok(queryResult(statement("st-1", "SUCCEEDED", MANIFEST_AND_ROWS))));

    try (StatementResult rows = genie.queryResult(answer("COMPLETED"))) {
      assertEquals("st-1", rows.statementId());
      assertEquals(2, rows.totalRowCount());
      assertTwoTypedRows(rows);
    }

    expectGet(server, ATTACHMENT_PATH + "/query-result");
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void aStatementStillRunningIsAwaitedThroughSdkSql() throws Exception {
    server.enqueue(ok(queryResult(statement("st-1", "RUNNING", ""))));
    server.enqueue(ok(statement("st-1", "RUNNING", "")));
    server.enqueue(ok(statement("st-1", "SUCCEEDED", MANIFEST_AND_ROWS)));

    try (StatementResult rows = genie.queryResult(answer("COMPLETED"))) {
      assertTwoTypedRows(rows);
    }

    expectGet(server, ATTACHMENT_PATH + "/query-result");
    expectGet(server, "/api/2.0/sql/statements/st-1");
    expectGet(server, "/api/2.0/sql/statements/st-1");
    assertEquals(3, server.getRequestCount());
    assertEquals(2, sleeper.sleeps().size());
  }

  @Test
  void anExpiredResultIsReexecutedFirst() throws Exception {
    server.enqueue(ok(queryResult(statement("st-2", "SUCCEEDED", MANIFEST_AND_ROWS))));
    GenieAnswer expired = answer("QUERY_RESULT_EXPIRED");

    try (StatementResult rows = genie.queryResult(expired)) {
      assertEquals("st-2", rows.statementId());
      assertTwoTypedRows(rows);
    }

    expectJsonPost(server, ATTACHMENT_PATH + "/execute-query", null);
    assertEquals(1, server.getRequestCount(), "no query-result call for an expired answer");
  }

  @Test
  void askEndingExpiredThenQueryResultReexecutes() throws Exception {
    server.enqueue(ok(message("msg-1", "SUBMITTED")));
    server.enqueue(ok(message("msg-1", "QUERY_RESULT_EXPIRED", QUERY_ATTACHMENT)));
    server.enqueue(ok(queryResult(statement("st-2", "PENDING", ""))));
    server.enqueue(ok(statement("st-2", "SUCCEEDED", MANIFEST_AND_ROWS)));

    GenieAnswer a = genie.ask("space-1", "conv-1", "Open deals?");
    try (StatementResult rows = genie.queryResult(a)) {
      assertTwoTypedRows(rows);
    }

    expectJsonPost(server, GenieWire.CONVERSATION + "/messages", "{'content':'Open deals?'}");
    expectGet(server, messagePath("msg-1"));
    expectJsonPost(server, ATTACHMENT_PATH + "/execute-query", null);
    expectGet(server, "/api/2.0/sql/statements/st-2");
    assertEquals(4, server.getRequestCount());
  }

  @Test
  void aClosedStatementIsReexecuted() throws Exception {
    server.enqueue(ok(queryResult(statement("st-1", "CLOSED", ""))));
    server.enqueue(ok(queryResult(statement("st-3", "SUCCEEDED", MANIFEST_AND_ROWS))));

    try (StatementResult rows = genie.queryResult(answer("COMPLETED"))) {
      assertEquals("st-3", rows.statementId());
      assertTwoTypedRows(rows);
    }

    expectGet(server, ATTACHMENT_PATH + "/query-result");
    expectJsonPost(server, ATTACHMENT_PATH + "/execute-query", null);
  }

  @Test
  void executeQueryRunsTheQueryAgain() throws Exception {
    server.enqueue(ok(queryResult(statement("st-4", "PENDING", ""))));
    server.enqueue(ok(statement("st-4", "RUNNING", "")));
    server.enqueue(ok(statement("st-4", "SUCCEEDED", MANIFEST_AND_ROWS)));

    try (StatementResult rows = genie.executeQueryAsync(answer("COMPLETED")).get(5, TimeUnit.SECONDS)) {
      assertEquals("st-4", rows.statementId());
      assertTwoTypedRows(rows);
    }

    expectJsonPost(server, ATTACHMENT_PATH + "/execute-query", null);
    expectGet(server, "/api/2.0/sql/statements/st-4");
    expectGet(server, "/api/2.0/sql/statements/st-4");
  }

  @Test
  void aFailedStatementThrowsTheSqlFailure() throws Exception {
    server.enqueue(ok(queryResult(statement("st-1", "FAILED", "").replace("'FAILED'}",
        "'FAILED','error':{'error_code':'BAD_REQUEST','message':'[TABLE_OR_VIEW_NOT_FOUND] deals'}}"))));

    StatementFailedException e = assertThrows(StatementFailedException.class,
        () -> genie.queryResult(answer("COMPLETED")));

    assertTrue(e.getMessage().contains("TABLE_OR_VIEW_NOT_FOUND"), e.getMessage());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void anAnswerWithoutAQueryHasNoResult() throws Exception {
    GenieAnswer textOnly = GenieAnswer.of("space-1", Json.mapper().readValue(
        Wire.json(message("msg-1", "COMPLETED", "[{'attachment_id':'t','text':{'content':'Hi'}}]")), GenieMessage.class));

    InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> genie.queryResult(textOnly));

    assertTrue(e.getMessage().contains("no query attachment"), e.getMessage());
    assertFalse(textOnly.query().isPresent());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void aMissingStatementResponseIsAClearError() throws Exception {
    server.enqueue(ok("{}"));

    Exception e = assertThrows(Exception.class, () -> genie.queryResult(answer("COMPLETED")));

    assertTrue(e.getMessage().contains("statement_response"), e.getMessage());
  }

  @Test
  void cancellingTheAsyncResultStopsWaitingForTheStatement() throws Exception {
    FakeSleeper manual = FakeSleeper.holding();
    try (DatabricksClient slow = TestClients.forUrl(server.url("/").toString(), manual)) {
      server.enqueue(ok(queryResult(statement("st-1", "RUNNING", ""))));
      server.enqueue(ok("{}")); // sdk-sql cancels the statement on the server

      java.util.concurrent.CompletableFuture<StatementResult> rows =
          GenieClient.create(slow).queryResultAsync(answer("COMPLETED"));
      manual.awaitSleeps(1);
      assertTrue(rows.cancel(true));

      expectGet(server, ATTACHMENT_PATH + "/query-result");
      expectJsonPost(server, "/api/2.0/sql/statements/st-1/cancel", null); // the cancel has reached sdk-sql
      manual.releaseAll(); // the poll that was due
      assertEquals(2, server.getRequestCount(), "no statement poll after the cancel");
    }
  }

  @Test
  void theReadmeSnippetRuns() throws Exception {
    server.enqueue(ok("{'conversation_id':'conv-1','message_id':'msg-1','message':"
        + message("msg-1", "COMPLETED", QUERY_ATTACHMENT.replace("[{", "[{'attachment_id':'t0','text':{'content':'Acme leads.'}},{")) + "}"));
    server.enqueue(ok(queryResult(statement("st-1", "SUCCEEDED", MANIFEST_AND_ROWS))));
    String spaceId = "space-1";
    StringBuilder out = new StringBuilder();

    // --- README snippet
    GenieClient genie = GenieClient.create(db);
    GenieAnswer a = genie.ask(spaceId, "Biggest open opportunities");
    out.append(a.text()).append('\n');
    a.query().ifPresent(q -> out.append(q.sql()).append('\n'));
    try (StatementResult rows = genie.queryResult(a)) {
      for (Row row : rows.rows()) {
        out.append(row.getString("name")).append(' ').append(row.getBigDecimal("amount")).append('\n');
      }
    }
    // ---

    assertEquals("Acme leads.\nSELECT name, amount, deals, open_since FROM deals\nAcme 1250000.50\nGlobex 980000.00\n",
        out.toString());
    assertEquals(Duration.ZERO, sleeper.sleeps().stream().reduce(Duration.ZERO, Duration::plus));
  }
}
