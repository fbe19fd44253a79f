package dev.kiln.sql;

import static dev.kiln.core.testing.Wire.expectGet;
import static dev.kiln.core.testing.Wire.expectJsonPost;
import static dev.kiln.core.testing.Wire.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.PagedIterable;
import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.sql.model.QueryHistoryFilter;
import dev.kiln.sql.model.QueryInfo;
import dev.kiln.sql.model.QueryStatus;
import dev.kiln.sql.model.QueryTag;
import dev.kiln.sql.model.StatementRequest;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Query history on the wire (filters with dots, paging with has_next_page) and query_tags on statements. */
class QueryHistoryTest extends SqlTestBase {
  @Test
  void historyIsLazyFilteredAndPaged() {
    server.enqueue(ok("{'res':[{'query_id':'s-2','status':'FINISHED','query_text':'SELECT 2','warehouse_id':'wh',"
        + "'user_id':7,'user_name':'ana','query_start_time_ms':2000,'query_end_time_ms':2500,'duration':500,"
        + "'rows_produced':1,'query_tags':[{'key':'team','value':'tax'},{'key':'adhoc'}],"
        + "'metrics':{'total_time_ms':500,'rows_produced_count':1,'result_from_cache':false}}],"
        + "'next_page_token':'p2','has_next_page':true}"));
    server.enqueue(ok("{'res':[{'query_id':'s-1','status':'SOMETHING_NEW','error_message':'boom'}],"
        + "'next_page_token':'ignored','has_next_page':false}"));

    PagedIterable<QueryInfo> history = sql.queryHistory(QueryHistoryFilter.builder()
        .addStatuses(QueryStatus.FINISHED, QueryStatus.FAILED)
        .addUserIds(7L)
        .addWarehouseIds("wh")
        .addStatementIds("s-1", "s-2")
        .startTimeFrom(Instant.ofEpochMilli(1000))
        .startTimeTo(Instant.ofEpochMilli(3000))
        .includeMetrics(true)
        .maxResults(1)
        .build());
    assertEquals(0, server.getRequestCount(), "nothing is fetched before iterating");
    List<QueryInfo> queries = history.stream().collect(Collectors.toList());

    String query = "filter_by.statuses=FINISHED&filter_by.statuses=FAILED&filter_by.user_ids=7"
        + "&filter_by.warehouse_ids=wh&filter_by.statement_ids=s-1&filter_by.statement_ids=s-2"
        + "&filter_by.query_start_time_range.start_time_ms=1000&filter_by.query_start_time_range.end_time_ms=3000"
        + "&include_metrics=true&max_results=1";
    expectGet(server, "/api/2.0/sql/history/queries?" + query);
    expectGet(server, "/api/2.0/sql/history/queries?" + query + "&page_token=p2");
    assertEquals(2, server.getRequestCount(), "has_next_page false ends the listing");
    assertEquals(2, queries.size());
    QueryInfo first = queries.get(0);
    assertEquals(QueryStatus.FINISHED, first.status());
    assertEquals(List.of(QueryTag.of("team", "tax"), QueryTag.of("adhoc")), first.queryTags());
    assertEquals(500, first.metrics().orElseThrow().totalTimeMs().getAsLong());
    assertEquals(Instant.ofEpochMilli(2000), first.startTime().orElseThrow());
    assertEquals(QueryStatus.UNKNOWN, queries.get(1).status());
    assertEquals("SOMETHING_NEW", queries.get(1).rawStatus().orElseThrow());
  }

  @Test
  void historyWithoutFilterSendsNothingButTheToken() {
    server.enqueue(ok("{'res':[],'next_page_token':'t'}"));
    server.enqueue(ok("{}"));

    assertEquals(0, sql.queryHistory().stream().count());
    expectGet(server, "/api/2.0/sql/history/queries");
    expectGet(server, "/api/2.0/sql/history/queries?page_token=t");
  }

  @Test
  void badFiltersFailBeforeSending() {
    assertThrows(InvalidRequestException.class, () -> QueryHistoryFilter.builder().maxResults(1000).build());
    assertThrows(InvalidRequestException.class, () -> QueryHistoryFilter.builder().addStatuses(QueryStatus.UNKNOWN).build());
    assertThrows(InvalidRequestException.class, () -> QueryHistoryFilter.builder().addWarehouseIds(" ").build());
    assertThrows(InvalidRequestException.class, () -> QueryHistoryFilter.builder()
        .startTimeFrom(Instant.ofEpochSecond(10)).startTimeTo(Instant.ofEpochSecond(1)).build());
    assertThrows(InvalidRequestException.class, () -> sql.queryHistory(null));
    assertThrows(InvalidRequestException.class, () -> QueryTag.of(" ", "v"));
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void statementsCarryQueryTags() {
    server.enqueue(ok(statement("s-1", "SUCCEEDED", "'manifest':{'format':'JSON_ARRAY','schema':{'column_count':0,'columns':[]}}")));

    sql.submit(StatementRequest.builder().warehouseId("wh").statement("SELECT 1")
        .addQueryTags(QueryTag.of("team", "tax"), QueryTag.of("adhoc")).build());

    expectJsonPost(server, "/api/2.0/sql/statements/", "{'statement':'SELECT 1','warehouse_id':'wh',"
        + "'query_tags':[{'key':'team','value':'tax'},{'key':'adhoc'}]}");
  }
}
