package dev.kiln.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class QueriesApiTest {
  static LocalWorkspace ws;
  static Wire wire;

  @BeforeAll
  static void start() {
    ws = LocalWorkspace.start();
    wire = new Wire(ws);
    for (int i = 0; i < 205; i++) {
      ws.addQuery(SavedQuery.builder().displayName("query " + i).queryText("SELECT " + i).build());
    }
    ws.addQuery(SavedQuery.builder().displayName("old").queryText("SELECT 0").trashed(true).build());
  }

  @AfterAll
  static void stop() {
    ws.close();
  }

  @Test
  void listingPagesThroughActiveQueriesAtMost100AtATime() {
    Set<String> ids = new HashSet<>();
    String token = null;
    int pages = 0;
    do {
      JsonNode page = wire.get("/api/2.0/sql/queries?page_size=500" + (token == null ? "" : "&page_token=" + token)).json();
      assertTrue(page.path("results").size() <= 100);
      page.path("results").forEach(q -> ids.add(q.path("id").asText()));
      token = page.has("next_page_token") ? page.path("next_page_token").asText() : null;
      pages++;
    } while (token != null);

    assertEquals(3, pages);
    assertEquals(205, ids.size());
    assertEquals(2, wire.get("/api/2.0/sql/queries?page_size=2").json().path("results").size());
    assertEquals(400, wire.get("/api/2.0/sql/queries?page_token=garbage").status);
  }

  @Test
  void getReturnsTheSavedQuery() {
    String id =
        ws.addQuery(
            SavedQuery.builder()
                .displayName("Revenue by agency")
                .queryText("SELECT agency, SUM(amount) FROM gold.bir WHERE year = :year GROUP BY agency")
                .catalog("main")
                .schema("gold")
                .putParameters("year", "2026")
                .addTags("finance")
                .build());

    JsonNode query = wire.get("/api/2.0/sql/queries/" + id).json();

    assertEquals(id, query.path("id").asText());
    assertEquals("Revenue by agency", query.path("display_name").asText());
    assertTrue(query.path("query_text").asText().contains(":year"));
    assertEquals(ws.defaultWarehouseId(), query.path("warehouse_id").asText());
    assertEquals("main", query.path("catalog").asText());
    assertEquals("ACTIVE", query.path("lifecycle_state").asText());
    assertEquals("OWNER", query.path("run_as_mode").asText());
    assertEquals("2026", query.at("/parameters/0/text_value/value").asText());
    assertEquals("finance", query.at("/tags/0").asText());
    assertFalse(query.path("create_time").asText().isEmpty());
    assertEquals(404, wire.get("/api/2.0/sql/queries/nope").status);
  }
}
