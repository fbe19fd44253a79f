package dev.kiln.sql;

import dev.kiln.core.testing.Wire;
import static dev.kiln.core.testing.Wire.expect;
import static dev.kiln.core.testing.Wire.ok;
import static dev.kiln.sql.SqlTestBase.assertNoBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.PagedIterable;
import dev.kiln.core.error.ResourceDoesNotExistException;
import dev.kiln.sql.model.Query;
import dev.kiln.sql.model.QueryLifecycleState;
import dev.kiln.sql.model.RunAsMode;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class QueriesTest extends SqlTestBase {
  @Test
  void listingIsLazyPagedAndFollowsEmptyPages() throws Exception {
    server.enqueue(ok("{'results':[{'id':'q1','display_name':'One'},{'id':'q2','display_name':'Two'}],"
        + "'next_page_token':'t2'}"));
    server.enqueue(ok("{'results':[],'next_page_token':'t3'}"));
    server.enqueue(ok("{'results':[{'id':'q3','display_name':'Three'}]}"));

    PagedIterable<Query> queries = sql.listQueries();
    assertEquals(0, server.getRequestCount(), "nothing is fetched before iterating");
    List<String> ids = queries.stream().map(Query::id).collect(Collectors.toList());

    assertEquals(List.of("q1", "q2", "q3"), ids);
    assertNoBody(expect(server, "GET", "/api/2.0/sql/queries?page_size=100"));
    assertNoBody(expect(server, "GET", "/api/2.0/sql/queries?page_size=100&page_token=t2"));
    assertNoBody(expect(server, "GET", "/api/2.0/sql/queries?page_size=100&page_token=t3"));
  }

  @Test
  void pageSizeCanBeSmaller() throws Exception {
    server.enqueue(ok("{'results':[{'id':'q1'}]}"));

    assertEquals(1, sql.listQueries(10).stream().count());
    expect(server, "GET", "/api/2.0/sql/queries?page_size=10");
  }

  @Test
  void getQueryIsTyped() throws Exception {
    server.enqueue(ok("{'id':'q 1','display_name':'Open opportunities','description':'by region',"
        + "'query_text':'SELECT * FROM opp WHERE region = :region','warehouse_id':'wh-1','catalog':'main',"
        + "'schema':'sales','owner_user_name':'ana@example.com','last_modifier_user_name':'ben@example.com',"
        + "'tags':['crm','weekly'],'lifecycle_state':'TRASHED','run_as_mode':'SOMETHING_NEW','apply_auto_limit':true,"
        + "'create_time':'2026-01-02T03:04:05Z','update_time':'2026-01-03T03:04:05.123Z',"
        + "'parameters':[{'name':'region','title':'Region','text_value':{'value':'EMEA'}}],'a_new_field':1}"));

    Query q = sql.getQuery("q 1");

    expect(server, "GET", "/api/2.0/sql/queries/q%201");
    assertEquals("q 1", q.id());
    assertEquals("Open opportunities", q.displayName().orElseThrow());
    assertEquals("SELECT * FROM opp WHERE region = :region", q.queryText().orElseThrow());
    assertEquals("wh-1", q.warehouseId().orElseThrow());
    assertEquals(List.of("crm", "weekly"), q.tags());
    assertEquals(QueryLifecycleState.TRASHED, q.lifecycleState().orElseThrow());
    assertEquals(RunAsMode.UNKNOWN, q.runAsMode().orElseThrow());
    assertEquals("SOMETHING_NEW", q.rawRunAsMode().orElseThrow());
    assertEquals(Instant.parse("2026-01-02T03:04:05Z"), q.createTime().orElseThrow());
    assertEquals("EMEA", q.parameters().get(0).textValue().orElseThrow().get("value").asText());
    assertTrue(q.applyAutoLimit().orElseThrow());
  }

  @Test
  void missingQueryIsTyped() {
    server.enqueue(apiError(404, "RESOURCE_DOES_NOT_EXIST", "Query q9 does not exist."));

    ResourceDoesNotExistException e = org.junit.jupiter.api.Assertions.assertThrows(
        ResourceDoesNotExistException.class, () -> sql.getQuery("q9"));
    assertEquals("Query q9 does not exist.", e.serverMessage());
  }
}
