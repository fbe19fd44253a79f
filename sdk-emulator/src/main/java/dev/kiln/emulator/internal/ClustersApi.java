package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Consumer;

/**
 * The Clusters API (2.1, and the same routes under 2.0): get, list, start, restart and delete (terminate).
 * Unknown ids answer 400 {@code INVALID_PARAMETER_VALUE}, as Databricks does.
 */
final class ClustersApi implements WorkspaceApi {
  private static final int MAX_PAGE_SIZE = 100;

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
      router.post(base + "/start", request -> act(request, clusters::start));
      router.post(base + "/restart", request -> act(request, clusters::restart));
      router.post(base + "/delete", request -> act(request, clusters::terminate));
    }
  }

  private Response get(Request request) {
    String id = request.queryParam("cluster_id").filter(value -> !value.isEmpty())
        .orElseThrow(() -> ApiException.invalidParameter("cluster_id is required."));
    return Response.ok(clusters.require(id).toJson());
  }

  private Response list(Request request) {
    return Pages.reply(request, clusters.all(), MAX_PAGE_SIZE, "clusters", Cluster::toJson);
  }

  private static Response act(Request request, Consumer<String> action) {
    JsonNode id = request.json().get("cluster_id");
    if (id == null || !id.isTextual() || id.asText().isEmpty()) {
      throw ApiException.invalidParameter("cluster_id is required.");
    }
    action.accept(id.asText());
    return Response.ok(Json.object());
  }
}
