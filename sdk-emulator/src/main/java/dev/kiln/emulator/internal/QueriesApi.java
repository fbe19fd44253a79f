package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.emulator.SavedQuery;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Queries API over saved queries seeded from Java: list (≤ 100 per page) and get. */
final class QueriesApi implements WorkspaceApi {
  private static final int MAX_PAGE_SIZE = 100;

  private final Map<String, ObjectNode> queries = new LinkedHashMap<>();
  private final Clock clock;

  QueriesApi(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void register(Router router) {
    router.get("/api/2.0/sql/queries", this::list);
    router.get("/api/2.0/sql/queries/{id}", this::get);
  }

  /** Stores {@code query} and returns its id. */
  synchronized String add(SavedQuery query, String defaultWarehouseId) {
    String id = query.id().orElseGet(Ids::uuid);
    String now = clock.instant().toString();
    ObjectNode json = Json.object();
    json.put("id", id);
    json.put("display_name", query.displayName());
    json.put("query_text", query.queryText());
    json.put("description", query.description());
    json.put("warehouse_id", query.warehouseId().orElse(defaultWarehouseId));
    query.catalog().ifPresent(catalog -> json.put("catalog", catalog));
    query.schema().ifPresent(schema -> json.put("schema", schema));
    json.put("owner_user_name", query.ownerUserName());
    json.put("last_modifier_user_name", query.ownerUserName());
    ArrayNode tags = json.putArray("tags");
    query.tags().forEach(tags::add);
    json.put("lifecycle_state", query.trashed() ? "TRASHED" : "ACTIVE");
    json.put("run_as_mode", query.runAsMode());
    json.put("apply_auto_limit", true);
    json.put("create_time", now);
    json.put("update_time", now);
    ArrayNode parameters = json.putArray("parameters");
    query.parameters().forEach((name, value) ->
        parameters.addObject().put("name", name).put("title", name).putObject("text_value").put("value", value));
    queries.put(id, json);
    return id;
  }

  private synchronized Response list(Request request) {
    List<ObjectNode> active = new ArrayList<>();
    for (ObjectNode query : queries.values()) {
      if (query.path("lifecycle_state").asText().equals("ACTIVE")) {
        active.add(query);
      }
    }
    return Pages.reply(request, active, MAX_PAGE_SIZE, "results", query -> query);
  }

  private synchronized Response get(Request request) {
    String id = request.pathParam("id");
    ObjectNode query = queries.get(id);
    if (query == null) {
      throw ApiException.notFound("Query " + id + " does not exist.");
    }
    return Response.ok(query);
  }
}
