package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.emulator.ServingEndpointSpec;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Model Serving: endpoint list/get/create/delete and the OpenAPI document under {@code
 * /api/2.0/serving-endpoints}, and invocations under {@code /serving-endpoints/{name}/invocations} (no
 * {@code /api} prefix), answered with the {@code served-model-name} header.
 */
final class ServingApi implements WorkspaceApi {
  private static final String ENDPOINTS = "/api/2.0/serving-endpoints";

  private final ServingEndpoints endpoints;
  private final Supplier<String> host;
  private final Duration createdEndpointStartTime;
  private final BiFunction<String, String, Optional<Function<JsonNode, JsonNode>>> registeredModels;

  /** {@code registeredModels} resolves a served entity (name, version) through the model registry, if it is there. */
  ServingApi(ServingEndpoints endpoints, Supplier<String> host, Duration createdEndpointStartTime,
      BiFunction<String, String, Optional<Function<JsonNode, JsonNode>>> registeredModels) {
    this.endpoints = endpoints;
    this.host = host;
    this.createdEndpointStartTime = createdEndpointStartTime;
    this.registeredModels = registeredModels;
  }

  @Override
  public void register(Router router) {
    router.get(ENDPOINTS, this::list);
    router.post(ENDPOINTS, this::create);
    router.get(ENDPOINTS + "/{name}", request -> Response.ok(describe(endpoints.require(request.pathParam("name")))));
    router.delete(ENDPOINTS + "/{name}", this::delete);
    router.get(ENDPOINTS + "/{name}/openapi", this::openApi);
    router.patch(ENDPOINTS + "/{name}/tags", this::tags);
    router.get(ENDPOINTS + "/{name}/served-models/{model}/build-logs", request -> Response.ok(Json.object()
        .put("logs", logs(request, "Step 1/3 : FROM kiln/serving-base\nStep 2/3 : COPY model /model\n"
            + "Step 3/3 : CMD serve\nSuccessfully built "))));
    router.get(ENDPOINTS + "/{name}/served-models/{model}/logs", request -> Response.ok(Json.object()
        .put("logs", logs(request, "INFO serving model "))));
    router.post("/serving-endpoints/{name}/invocations", this::invokeOnWorkspace);
    router.post("/serving-endpoints/{name}/served-models/{model}/invocations", this::invokeOnWorkspace);
  }

  private Response list(Request request) {
    ObjectNode body = Json.object();
    ArrayNode list = body.putArray("endpoints");
    endpoints.all().forEach(endpoint -> list.add(endpoint.toSummaryJson()));
    return Response.ok(body);
  }

  private Response delete(Request request) {
    endpoints.remove(request.pathParam("name"));
    return Response.ok(Json.object());
  }

  private Response openApi(Request request) {
    ServingEndpoint endpoint = endpoints.require(request.pathParam("name"));
    return Response.ok(ServingOpenApi.document(endpoint, host.get()));
  }

  /** The endpoint's description; a route-optimized one names its data-plane URL and what its token must allow. */
  private ObjectNode describe(ServingEndpoint endpoint) {
    ObjectNode json = endpoint.toJson();
    if (endpoint.routeOptimized()) {
      String url = ServingDataPlane.invocationsUrl(host.get(), endpoint.name());
      json.put("endpoint_url", url);
      json.putObject("data_plane_info").putObject("query_info")
          .put("endpoint_url", url)
          .put("authorization_details", ServingDataPlane.authorizationDetails(endpoint.name()));
    }
    return json;
  }

  private Response tags(Request request) {
    ServingEndpoint endpoint = endpoints.require(request.pathParam("name"));
    JsonNode body = request.json();
    java.util.Map<String, String> add = new java.util.LinkedHashMap<>();
    for (JsonNode tag : body.path("add_tags")) {
      String key = tag.path("key").asText("");
      if (key.isEmpty()) {
        throw ApiException.invalidParameter("Every tag in add_tags needs a key.");
      }
      add.put(key, tag.path("value").asText(""));
    }
    java.util.List<String> delete = new java.util.ArrayList<>();
    body.path("delete_tags").forEach(key -> delete.add(key.asText()));
    ObjectNode reply = Json.object();
    reply.set("tags", endpoint.updateTags(add, delete));
    return Response.ok(reply);
  }

  /** A served model's log: a fixed text naming it, since the emulator builds and runs no container. */
  private String logs(Request request, String prefix) {
    ServingEndpoint endpoint = endpoints.require(request.pathParam("name"));
    String model = request.pathParam("model");
    if (!model.equals(endpoint.servedModelName())) {
      throw ApiException.notFound("Served model " + model + " does not exist in endpoint " + endpoint.name() + ".");
    }
    return prefix + model + "\n";
  }

  /** Route-optimized endpoints answer only on their own URL. */
  private Response invokeOnWorkspace(Request request) {
    ServingEndpoint endpoint = endpoints.require(request.pathParam("name"));
    if (endpoint.routeOptimized()) {
      throw new ApiException(400, "BAD_REQUEST", "Endpoint '" + endpoint.name() + "' is route-optimized: query it on"
          + " its endpoint_url with a token minted for it.");
    }
    return invoke(request);
  }

  Response invoke(Request request) {
    ServingEndpoint endpoint = endpoints.require(request.pathParam("name"));
    JsonNode body = request.json();
    JsonNode reply = endpoints.invoke(endpoint, body);
    Response response;
    if (body.path("stream").asBoolean(false)) {
      byte[] events = ServingStream.of(reply).orElseThrow(() -> new ApiException(400, "BAD_REQUEST",
          "Endpoint '" + endpoint.name() + "' does not support streaming; only chat and completions replies stream."));
      response = Response.of(200, "text/event-stream", events).withHeader("Cache-Control", "no-cache");
    } else {
      response = Response.ok(reply);
    }
    return response.withHeader("served-model-name", endpoint.servedModelName());
  }

  /**
   * {@code POST /api/2.0/serving-endpoints}: the first served entity names the model. An entity that is a
   * registered model of the MLflow registry serves that version (see {@code MlflowRegistry#servedModel}); an
   * entity named like an existing endpoint's model (e.g. {@code databricks-bge-large-en}) reuses that model; any other gets the
   * generic model that answers by request shape. The endpoint is NOT_READY for the configured start time.
   */
  private Response create(Request request) {
    JsonNode body = request.json();
    String name = body.path("name").asText("");
    JsonNode config = body.path("config");
    JsonNode entity = first(config.path("served_entities")).orElseGet(() -> first(config.path("served_models"))
        .orElseThrow(() -> ApiException.invalidParameter("config.served_entities must name at least one entity.")));
    String entityName = entity.path("entity_name").asText(entity.path("model_name").asText(""));
    if (entityName.isEmpty()) {
      throw ApiException.invalidParameter("served entity needs an entity_name.");
    }
    String version = entity.path("entity_version").asText(entity.path("model_version").asText("1"));
    Optional<Function<JsonNode, JsonNode>> registered = registeredModels.apply(entityName, version);
    Optional<ServingEndpoint> sameModel = registered.isPresent() ? Optional.empty() : endpoints.all().stream()
        .filter(existing -> existing.servedModelName().equals(entityName)).findFirst();
    ServingEndpointSpec.Builder spec = ServingEndpointSpec.builder()
        .name(name)
        .servedModelName(entity.path("name").asText(entityName.replace('.', '-') + "-" + version))
        .startTime(createdEndpointStartTime)
        .handler(registered.orElseGet(() -> sameModel.map(ServingEndpoint::handler).orElseGet(BuiltInModels::byRequestShape)));
    sameModel.flatMap(existing -> existing.spec().task()).ifPresent(spec::task);
    for (JsonNode tag : body.path("tags")) {
      spec.putTags(tag.path("key").asText(), tag.path("value").asText(""));
    }
    ServingEndpointSpec built;
    try {
      built = spec.build();
    } catch (IllegalStateException invalid) {
      throw ApiException.invalidParameter(invalid.getMessage());
    }
    return Response.ok(describe(endpoints.create(built, body.path("route_optimized").asBoolean(false))));
  }

  private static Optional<JsonNode> first(JsonNode list) {
    return list.isArray() && !list.isEmpty() ? Optional.of(list.get(0)) : Optional.empty();
  }
}
