package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.emulator.ServingEndpointSpec;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One serving endpoint: its spec, identity and readiness (NOT_READY until the workspace clock has passed its
 * start time, so a test clock decides when it is up).
 */
final class ServingEndpoint {
  private final ServingEndpointSpec spec;
  private final String id = Ids.hex32();
  private final Clock clock;
  private final Instant createdAt;
  private final Instant readyAt;
  private final boolean routeOptimized;
  private final Map<String, String> tags;
  private final ServingPermissions permissions = new ServingPermissions(LocalIdentity.USER_NAME);

  ServingEndpoint(ServingEndpointSpec spec, Clock clock, boolean routeOptimized) {
    this.spec = spec;
    this.clock = clock;
    this.createdAt = clock.instant();
    this.readyAt = createdAt.plus(spec.startTime());
    this.routeOptimized = routeOptimized;
    this.tags = new LinkedHashMap<>(spec.tags());
  }

  /** Adds or replaces {@code add}, then removes {@code delete}; the tags as they are now. */
  synchronized ArrayNode updateTags(Map<String, String> add, List<String> delete) {
    tags.putAll(add);
    delete.forEach(tags::remove);
    return tagsJson(Json.array());
  }

  private synchronized ArrayNode tagsJson(ArrayNode into) {
    tags.forEach((key, value) -> into.addObject().put("key", key).put("value", value));
    return into;
  }

  String id() {
    return id;
  }

  ServingPermissions permissions() {
    return permissions;
  }

  boolean routeOptimized() {
    return routeOptimized;
  }

  String name() {
    return spec.name();
  }

  String servedModelName() {
    return spec.servedModelName();
  }

  Function<JsonNode, JsonNode> handler() {
    return spec.handler();
  }

  ServingEndpointSpec spec() {
    return spec;
  }

  boolean isReady() {
    return !clock.instant().isBefore(readyAt);
  }

  ObjectNode toJson() {
    boolean readyNow = isReady(); // one reading: the endpoint may become ready while this renders
    long created = createdAt.toEpochMilli();
    ObjectNode json = Json.object();
    json.put("name", spec.name());
    json.put("id", id);
    json.put("creator", LocalIdentity.USER_NAME);
    json.put("creation_timestamp", created);
    json.put("last_updated_timestamp", created);
    ObjectNode state = json.putObject("state");
    state.put("ready", readyNow ? "READY" : "NOT_READY");
    state.put("config_update", readyNow ? "NOT_UPDATING" : "IN_PROGRESS");
    ObjectNode config = json.putObject("config");
    ObjectNode entity = config.putArray("served_entities").addObject();
    entity.put("name", spec.servedModelName());
    entity.put("entity_name", spec.servedModelName());
    entity.put("entity_version", "1");
    entity.put("workload_size", "Small");
    entity.put("workload_type", "CPU");
    entity.put("scale_to_zero_enabled", true);
    entity.put("creator", LocalIdentity.USER_NAME);
    entity.put("creation_timestamp", created);
    deploymentState(entity, readyNow);
    ObjectNode model = config.putArray("served_models").addObject();
    model.put("name", spec.servedModelName());
    model.put("model_name", spec.servedModelName());
    model.put("model_version", "1");
    model.put("workload_size", "Small");
    model.put("scale_to_zero_enabled", true);
    deploymentState(model, readyNow);
    config.putObject("traffic_config").putArray("routes").addObject()
        .put("served_model_name", spec.servedModelName()).put("traffic_percentage", 100);
    config.put("config_version", 1);
    spec.task().ifPresent(task -> json.put("task", task));
    ArrayNode tags = json.putArray("tags");
    tagsJson(tags);
    json.put("route_optimized", routeOptimized);
    json.put("permission_level", "CAN_MANAGE");
    return json;
  }

  /** The shape of a list item: the list API leaves out workload, traffic and permission details. */
  ObjectNode toSummaryJson() {
    ObjectNode json = toJson();
    json.remove(List.of("route_optimized", "permission_level"));
    ObjectNode config = (ObjectNode) json.get("config");
    config.remove(List.of("traffic_config", "config_version"));
    for (String list : new String[] {"served_entities", "served_models"}) {
      config.withArray(list).forEach(served -> ((ObjectNode) served).remove(List.of(
          "workload_size", "workload_type", "scale_to_zero_enabled", "creator", "creation_timestamp", "state")));
    }
    return json;
  }

  private static void deploymentState(ObjectNode served, boolean ready) {
    served.putObject("state")
        .put("deployment", ready ? "DEPLOYMENT_READY" : "DEPLOYMENT_CREATING")
        .put("deployment_state_message", ready ? "" : "Creating the serving endpoint");
  }
}
