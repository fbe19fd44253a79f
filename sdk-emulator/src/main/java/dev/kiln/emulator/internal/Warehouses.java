package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The SQL warehouses statements may name, all running on the one shared SQL engine, and their states: start
 * moves STOPPED → STARTING → RUNNING, stop RUNNING → STOPPING → STOPPED, each transitional state lasting the
 * warehouse start time on the workspace clock (settled when read, like clusters). A statement naming a
 * stopped warehouse starts it, as Databricks does.
 */
final class Warehouses {
  static final String STOPPED = "STOPPED";
  static final String STARTING = "STARTING";
  static final String RUNNING = "RUNNING";
  static final String STOPPING = "STOPPING";
  private static final Set<String> SIZES = Set.of("2X-Small", "X-Small", "Small", "Medium", "Large", "X-Large",
      "2X-Large", "3X-Large", "4X-Large");

  private final Map<String, Warehouse> byId = new LinkedHashMap<>();
  private final Clock clock;
  private final Duration transitionTime;

  Warehouses(Clock clock, Duration transitionTime) {
    this.clock = clock;
    this.transitionTime = transitionTime;
  }

  /** One warehouse; its state settles on read once the transition time has passed. */
  private final class Warehouse {
    final String id;
    ObjectNode spec;
    String state;
    Instant settlesAt;

    Warehouse(String id, ObjectNode spec, String state) {
      this.id = id;
      this.spec = spec;
      moveTo(state);
    }

    void moveTo(String next) {
      state = next;
      settlesAt = next.equals(STARTING) || next.equals(STOPPING) ? clock.instant().plus(transitionTime) : null;
    }

    String state() {
      if (settlesAt != null && !clock.instant().isBefore(settlesAt)) {
        state = state.equals(STARTING) ? RUNNING : STOPPED;
        settlesAt = null;
      }
      return state;
    }

    ObjectNode toJson() {
      String now = state();
      ObjectNode json = Json.object();
      json.put("id", id);
      json.put("name", spec.path("name").asText());
      json.put("state", now);
      json.put("cluster_size", spec.path("cluster_size").asText("2X-Small"));
      json.put("auto_stop_mins", spec.path("auto_stop_mins").asInt(10));
      json.put("warehouse_type", spec.path("warehouse_type").asText("PRO"));
      json.put("enable_serverless_compute", spec.path("enable_serverless_compute").asBoolean(true));
      json.put("enable_photon", spec.path("enable_photon").asBoolean(true));
      json.put("spot_instance_policy", spec.path("spot_instance_policy").asText("COST_OPTIMIZED"));
      json.put("num_clusters", now.equals(RUNNING) ? 1 : 0);
      json.put("num_active_sessions", 0);
      json.put("min_num_clusters", spec.path("min_num_clusters").asInt(1));
      json.put("max_num_clusters", spec.path("max_num_clusters").asInt(1));
      json.put("creator_name", LocalIdentity.USER_NAME);
      json.put("jdbc_url", "jdbc:databricks://127.0.0.1:443/default;httpPath=/sql/1.0/warehouses/" + id);
      ObjectNode odbc = json.putObject("odbc_params");
      odbc.put("path", "/sql/1.0/warehouses/" + id).put("protocol", "https").put("port", 443);
      if (now.equals(RUNNING)) {
        json.putObject("health").put("status", "HEALTHY");
      }
      return json;
    }
  }

  /** Adds (or renames) a RUNNING warehouse: seeding. */
  synchronized void add(String id, String name) {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("a warehouse id must not be blank");
    }
    ObjectNode spec = Json.object().put("name", Objects.requireNonNull(name, "name"));
    byId.put(id, new Warehouse(id, spec, RUNNING));
  }

  synchronized boolean exists(String id) {
    return byId.containsKey(id);
  }

  /** 404 for an unknown id, as Databricks answers a statement or a call naming one. */
  void require(String id) {
    if (!exists(id)) {
      throw notFound(id);
    }
  }

  private static ApiException notFound(String id) {
    return ApiException.notFound("SQL warehouse " + id + " does not exist.");
  }

  private Warehouse get(String id) {
    Warehouse w = byId.get(id);
    if (w == null) {
      throw notFound(id);
    }
    return w;
  }

  synchronized List<ObjectNode> toJson() {
    List<ObjectNode> result = new ArrayList<>();
    byId.values().forEach(w -> result.add(w.toJson()));
    return result;
  }

  synchronized ObjectNode toJson(String id) {
    return get(id).toJson();
  }

  synchronized boolean isRunning(String id) {
    Warehouse w = byId.get(id);
    return w != null && w.state().equals(RUNNING);
  }

  /** {@code POST /api/2.0/sql/warehouses}: a checked spec, STARTING at once. */
  synchronized String create(JsonNode body) {
    ObjectNode spec = checkedSpec(body);
    String id = Ids.hex16();
    byId.put(id, new Warehouse(id, spec, STARTING));
    return id;
  }

  /** {@code POST .../{id}/edit}: replaces the settings; the state is unchanged. */
  synchronized void edit(String id, JsonNode body) {
    get(id).spec = checkedSpec(body);
  }

  /** {@code POST .../{id}/start}: STOPPED or STOPPING → STARTING; a starting or running one is left alone. */
  synchronized void start(String id) {
    Warehouse w = get(id);
    String state = w.state();
    if (state.equals(STOPPED) || state.equals(STOPPING)) {
      w.moveTo(STARTING);
    }
  }

  /** {@code POST .../{id}/stop}: STARTING or RUNNING → STOPPING; a stopping or stopped one is left alone. */
  synchronized void stop(String id) {
    Warehouse w = get(id);
    String state = w.state();
    if (state.equals(RUNNING) || state.equals(STARTING)) {
      w.moveTo(STOPPING);
    }
  }

  /** A statement names the warehouse: 404 when unknown; a stopped one starts. True when it runs now. */
  synchronized boolean startForStatement(String id) {
    start(id);
    return get(id).state().equals(RUNNING);
  }

  private static ObjectNode checkedSpec(JsonNode body) {
    String name = body.path("name").asText("");
    if (name.isBlank()) {
      throw ApiException.invalidParameter("name is required.");
    }
    String size = body.path("cluster_size").asText("");
    if (!SIZES.contains(size)) {
      throw ApiException.invalidParameter("cluster_size must be one of " + new java.util.TreeSet<>(SIZES) + ", got '" + size + "'.");
    }
    int autoStop = body.path("auto_stop_mins").asInt(120);
    if (autoStop != 0 && autoStop < 10) {
      throw ApiException.invalidParameter("auto_stop_mins must be 0 or at least 10.");
    }
    int min = body.path("min_num_clusters").asInt(1);
    int max = body.path("max_num_clusters").asInt(min);
    if (min < 1 || max < min) {
      throw ApiException.invalidParameter("min_num_clusters must be at least 1 and at most max_num_clusters.");
    }
    ObjectNode spec = Json.object();
    body.fields().forEachRemaining(f -> {
      if (!f.getKey().equals("id")) {
        spec.set(f.getKey(), f.getValue().deepCopy());
      }
    });
    return spec;
  }
}
