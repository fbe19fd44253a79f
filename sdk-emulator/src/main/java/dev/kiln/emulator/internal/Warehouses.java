package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The SQL warehouses statements may name. All of them run on the one shared SQL engine. */
final class Warehouses {
  private final Map<String, String> namesById = new LinkedHashMap<>();

  synchronized void add(String id, String name) {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("a warehouse id must not be blank");
    }
    namesById.put(id, Objects.requireNonNull(name, "name"));
  }

  synchronized boolean exists(String id) {
    return namesById.containsKey(id);
  }

  /** 404 for an unknown id, as Databricks answers a statement naming one. */
  void require(String id) {
    if (!exists(id)) {
      throw ApiException.notFound("SQL warehouse " + id + " does not exist.");
    }
  }

  synchronized List<ObjectNode> toJson() {
    List<ObjectNode> result = new ArrayList<>();
    namesById.forEach((id, name) -> result.add(toJson(id, name)));
    return result;
  }

  synchronized ObjectNode toJson(String id) {
    require(id);
    return toJson(id, namesById.get(id));
  }

  private static ObjectNode toJson(String id, String name) {
    ObjectNode warehouse = Json.object();
    warehouse.put("id", id);
    warehouse.put("name", name);
    warehouse.put("state", "RUNNING");
    warehouse.put("cluster_size", "2X-Small");
    warehouse.put("warehouse_type", "PRO");
    warehouse.put("enable_serverless_compute", true);
    warehouse.put("num_clusters", 1);
    warehouse.put("min_num_clusters", 1);
    warehouse.put("max_num_clusters", 1);
    warehouse.put("creator_name", LocalIdentity.USER_NAME);
    return warehouse;
  }
}
