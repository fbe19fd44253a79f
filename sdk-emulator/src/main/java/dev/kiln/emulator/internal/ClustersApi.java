package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.emulator.ClusterState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The Clusters API (2.1, and the same routes under 2.0): list (with {@code filter_by.*}), get, create, edit,
 * start, restart, resize, delete (terminate), permanent-delete, spark-versions, list-node-types and events
 * (paged by {@code page_token} in the POST body). Unknown ids answer 400 {@code INVALID_PARAMETER_VALUE}, as
 * Databricks does.
 */
final class ClustersApi implements WorkspaceApi {
  private static final int MAX_PAGE_SIZE = 100;
  private static final int MAX_EVENTS_PAGE = 500;
  private static final int DEFAULT_EVENTS_PAGE = 50;

  private final Clusters clusters;

  ClustersApi(Clusters clusters) {
    this.clusters = clusters;
  }

  @Override
  public void register(Router router) {
    for (String version : new String[] {"2.0", "2.1"}) {
      String base = "/api/" + version + "/clusters";
      router.get(base + "/get", this::get);
      router.get(base + "/list", this::list);
      router.get(base + "/spark-versions", request -> Response.ok(ClusterSpecs.sparkVersions()));
      router.get(base + "/list-node-types", request -> Response.ok(ClusterSpecs.nodeTypes()));
      router.post(base + "/create", this::create);
      router.post(base + "/edit", request -> act(request, id -> clusters.edit(id, ClusterSpecs.parse(request.json()))));
      router.post(base + "/resize", request -> act(request, id -> clusters.resize(id, ClusterSpecs.size(request.json()))));
      router.post(base + "/start", request -> act(request, clusters::start));
      router.post(base + "/restart", request -> act(request, clusters::restart));
      router.post(base + "/delete", request -> act(request, clusters::terminate));
      router.post(base + "/permanent-delete", request -> act(request, clusters::permanentDelete));
      router.post(base + "/events", this::events);
    }
  }

  private Response get(Request request) {
    String id = request.queryParam("cluster_id").filter(value -> !value.isEmpty())
        .orElseThrow(() -> ApiException.invalidParameter("cluster_id is required."));
    return Response.ok(clusters.require(id).toJson());
  }

  private Response list(Request request) {
    Set<ClusterState> states = request.queryParams("filter_by.cluster_states").stream()
        .map(ClustersApi::state).collect(Collectors.toSet());
    boolean pinnedOnly = request.queryParam("filter_by.is_pinned").map(Boolean::parseBoolean).orElse(false);
    String policy = request.queryParam("filter_by.policy_id").orElse(null);
    List<Cluster> matching = new ArrayList<>();
    for (Cluster c : clusters.all()) {
      boolean stateOk = states.isEmpty() || states.contains(c.state());
      boolean policyOk = policy == null || policy.equals(c.spec().path("policy_id").asText(null));
      if (stateOk && policyOk && !pinnedOnly) { // nothing is pinned here
        matching.add(c);
      }
    }
    return Pages.reply(request, matching, MAX_PAGE_SIZE, "clusters", Cluster::toJson);
  }

  private static ClusterState state(String text) {
    try {
      return ClusterState.valueOf(text);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidParameter("Invalid cluster state: " + text);
    }
  }

  private Response create(Request request) {
    String id = clusters.create(ClusterSpecs.parse(request.json()));
    return Response.ok(Json.object().put("cluster_id", id));
  }

  /** Newest first unless {@code order} is ASC; the window and kinds filter; pages are offsets behind a token. */
  private Response events(Request request) {
    JsonNode body = request.json();
    Cluster cluster = clusters.require(requireId(body));
    long start = body.path("start_time").asLong(Long.MIN_VALUE);
    long end = body.path("end_time").asLong(Long.MAX_VALUE);
    String order = body.path("order").asText("DESC");
    if (!order.equals("ASC") && !order.equals("DESC")) {
      throw ApiException.invalidParameter("order must be ASC or DESC, got " + order);
    }
    Set<String> types = new java.util.HashSet<>();
    body.path("event_types").forEach(t -> types.add(t.asText()));
    int pageSize = body.path("page_size").asInt(DEFAULT_EVENTS_PAGE);
    if (pageSize < 1 || pageSize > MAX_EVENTS_PAGE) {
      throw ApiException.invalidParameter("page_size must be between 1 and 500, got " + pageSize);
    }
    List<ObjectNode> events = cluster.events().stream()
        .filter(e -> e.path("timestamp").asLong() >= start && e.path("timestamp").asLong() <= end)
        .filter(e -> types.isEmpty() || types.contains(e.path("type").asText()))
        .collect(Collectors.toList());
    if (order.equals("DESC")) {
      Collections.reverse(events);
    }
    int offset = body.hasNonNull("page_token") ? Pages.decode(body.get("page_token").asText()) : 0;
    ObjectNode reply = Pages.page(events, offset, pageSize, "events", e -> e);
    reply.put("total_count", events.size());
    return Response.ok(reply);
  }

  private static Response act(Request request, Consumer<String> action) {
    action.accept(requireId(request.json()));
    return Response.ok(Json.object());
  }

  private static String requireId(JsonNode body) {
    JsonNode id = body.get("cluster_id");
    if (id == null || !id.isTextual() || id.asText().isEmpty()) {
      throw ApiException.invalidParameter("cluster_id is required.");
    }
    return id.asText();
  }
}
