package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.emulator.DeltaSyncIndexSpec;
import dev.kiln.emulator.DirectAccessIndexSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Vector Search (API 2.0): endpoints, indexes (list, get, create, delete, sync), similarity queries with
 * next-page tokens, scans, and direct-access upserts and deletes. Query, next page and scan are also served
 * under the data-plane path that an index's {@code index_url} names.
 */
final class VectorSearchApi implements WorkspaceApi {
  private static final String BASE = "/api/2.0/vector-search";
  private static final int MAX_LIST_PAGE = 100;

  private final VectorSearch search;
  private final ServingEndpoints serving;
  private final QueryPages pages;
  private final Supplier<String> host;

  VectorSearchApi(VectorSearch search, ServingEndpoints serving, int pageSize, Supplier<String> host) {
    this.search = search;
    this.serving = serving;
    this.pages = new QueryPages(pageSize);
    this.host = host;
  }

  @Override
  public void register(Router router) {
    router.get(BASE + "/endpoints", this::listEndpoints);
    router.post(BASE + "/endpoints", this::createEndpoint);
    router.get(BASE + "/endpoints/{endpoint_name}", this::getEndpoint);
    router.delete(BASE + "/endpoints/{endpoint_name}", request -> {
      search.deleteEndpoint(request.pathParam("endpoint_name"));
      return Response.ok(Json.object());
    });
    router.get(BASE + "/indexes", this::listIndexes);
    router.post(BASE + "/indexes", this::createIndex);
    router.get(BASE + "/indexes/{index_name}", request -> Response.ok(index(request).toJson(host.get(), search.now())));
    router.delete(BASE + "/indexes/{index_name}", this::deleteIndex);
    router.post(BASE + "/indexes/{index_name}/sync", this::sync);
    router.post(BASE + "/indexes/{index_name}/upsert-data", this::upsert);
    router.delete(BASE + "/indexes/{index_name}/delete-data", this::deleteData);
    String[] indexPaths = {BASE + "/indexes/{index_name}", BASE + "/endpoints/{endpoint_name}/indexes/{index_name}"};
    for (String indexPath : indexPaths) {
      router.post(indexPath + "/query", this::query);
      router.post(indexPath + "/query-next-page", this::nextPage);
      router.post(indexPath + "/scan", request -> Response.ok(VectorScan.page(readyIndex(request), request.json())));
    }
  }

  private VectorIndex index(Request request) {
    return search.requireIndex(request.pathParam("index_name"));
  }

  /** An index that can serve reads: a provisioning one answers 400 NOT_READY-style instead. */
  private VectorIndex readyIndex(Request request) {
    VectorIndex index = index(request);
    if (index.provisioning(search.now())) {
      throw ApiException.invalidState("Index " + index.name() + " is not ready yet: it is still provisioning.");
    }
    return index;
  }

  private Response listEndpoints(Request request) {
    return Pages.reply(request, search.endpoints(), MAX_LIST_PAGE, "endpoints",
        endpoint -> endpoint.toJson(search.indexCount(endpoint.name()), search.now()));
  }

  private Response createEndpoint(Request request) {
    JsonNode body = request.json();
    String type = body.path("endpoint_type").asText(VectorEndpoint.STANDARD);
    VectorEndpoint endpoint = search.addEndpoint(body.path("name").asText(null), type, false);
    return Response.ok(endpoint.toJson(0, search.now()));
  }

  private Response getEndpoint(Request request) {
    VectorEndpoint endpoint = search.requireEndpoint(request.pathParam("endpoint_name"));
    return Response.ok(endpoint.toJson(search.indexCount(endpoint.name()), search.now()));
  }

  private Response listIndexes(Request request) {
    String endpointName = request.queryParam("endpoint_name").filter(name -> !name.isEmpty())
        .orElseThrow(() -> ApiException.invalidParameter("endpoint_name is required."));
    search.requireEndpoint(endpointName);
    return Pages.reply(request, search.indexesOn(endpointName), MAX_LIST_PAGE, "vector_indexes",
        VectorIndex::toSummaryJson);
  }

  private Response deleteIndex(Request request) {
    search.deleteIndex(request.pathParam("index_name"));
    return Response.ok(Json.object());
  }

  private Response sync(Request request) {
    search.sync(request.pathParam("index_name"));
    return Response.ok(Json.object());
  }

  private Response query(Request request) {
    VectorIndex index = readyIndex(request);
    VectorEndpoint endpoint = search.requireEndpoint(index.endpointName());
    VectorQuery.Result result = VectorQuery.run(index, request.json(), serving, endpoint.storageOptimized());
    return Response.ok(pages.firstPage(index.name(), result));
  }

  private Response nextPage(Request request) {
    VectorIndex index = index(request);
    JsonNode body = request.json();
    String endpointName = body.path("endpoint_name").asText("");
    if (!endpointName.isEmpty() && !endpointName.equals(index.endpointName())) {
      throw ApiException.invalidParameter(
          "Index " + index.name() + " is on endpoint " + index.endpointName() + ", not " + endpointName + ".");
    }
    String token = body.path("page_token").asText("");
    if (token.isEmpty()) {
      throw ApiException.invalidParameter("page_token is required.");
    }
    return Response.ok(pages.nextPage(index.name(), token));
  }

  private Response upsert(Request request) {
    VectorIndex index = index(request);
    JsonNode inputsJson = request.json().get("inputs_json");
    if (inputsJson == null || !inputsJson.isTextual()) {
      throw ApiException.invalidParameter("inputs_json is required: a JSON string holding a list of rows.");
    }
    JsonNode inputs = jsonField("inputs_json", inputsJson.asText());
    return Response.ok(search.upsert(index, inputs == null ? Json.array() : inputs));
  }

  /** Keys come as repeated {@code primary_keys} query parameters or a {@code {"primary_keys": [...]}} body. */
  private Response deleteData(Request request) {
    VectorIndex index = index(request);
    List<String> keys = new ArrayList<>(request.queryParams("primary_keys"));
    for (JsonNode key : request.json().path("primary_keys")) {
      String text = VectorIndex.keyText(key);
      if (text == null) {
        throw ApiException.invalidParameter("primary_keys must be strings or numbers.");
      }
      keys.add(text);
    }
    if (keys.isEmpty()) {
      throw ApiException.invalidParameter("primary_keys is required.");
    }
    return Response.ok(search.delete(index, keys));
  }

  /** {@code POST /api/2.0/vector-search/indexes}: a direct-access or delta-sync index from its JSON spec. */
  private Response createIndex(Request request) {
    JsonNode body = request.json();
    String name = body.path("name").asText("");
    String endpointName = body.path("endpoint_name").asText("");
    String primaryKey = body.path("primary_key").asText("");
    if (name.isEmpty() || endpointName.isEmpty() || primaryKey.isEmpty()) {
      throw ApiException.invalidParameter("name, endpoint_name and primary_key are required.");
    }
    search.requireEndpoint(endpointName);
    VectorIndex index;
    try {
      switch (body.path("index_type").asText("")) {
        case "DIRECT_ACCESS":
          index = search.addDirectAccess(directSpec(name, endpointName, primaryKey,
              body.path("direct_access_index_spec")), false);
          break;
        case "DELTA_SYNC":
          index = search.addDeltaSync(deltaSyncSpec(name, endpointName, primaryKey,
              body.path("delta_sync_index_spec")), false);
          break;
        default:
          throw ApiException.invalidParameter("index_type must be DIRECT_ACCESS or DELTA_SYNC.");
      }
    } catch (IllegalStateException invalidSpec) {
      throw ApiException.invalidParameter(invalidSpec.getMessage());
    }
    return Response.ok(index.toJson(host.get(), search.now()));
  }

  private static DirectAccessIndexSpec directSpec(String name, String endpoint, String primaryKey, JsonNode spec) {
    JsonNode vectorColumn = spec.path("embedding_vector_columns").path(0);
    if (vectorColumn.isMissingNode()) {
      throw ApiException.invalidParameter("direct_access_index_spec.embedding_vector_columns is required.");
    }
    DirectAccessIndexSpec.Builder builder = DirectAccessIndexSpec.builder()
        .name(name).endpointName(endpoint).primaryKey(primaryKey)
        .embeddingVectorColumn(vectorColumn.path("name").asText())
        .embeddingDimension(vectorColumn.path("embedding_dimension").asInt());
    JsonNode source = spec.path("embedding_source_columns").path(0).path("embedding_model_endpoint_name");
    if (source.isTextual()) {
      builder.embeddingModelEndpointName(source.asText());
    }
    if (spec.hasNonNull("schema_json")) {
      JsonNode schema = jsonField("schema_json", spec.get("schema_json").asText());
      Iterator<Map.Entry<String, JsonNode>> columns = schema == null ? List.<Map.Entry<String, JsonNode>>of().iterator()
          : schema.fields();
      columns.forEachRemaining(column -> builder.putSchema(column.getKey(), column.getValue().asText()));
    }
    return builder.build();
  }

  private static DeltaSyncIndexSpec deltaSyncSpec(String name, String endpoint, String primaryKey, JsonNode spec) {
    JsonNode source = spec.path("embedding_source_columns").path(0);
    if (!spec.path("source_table").isTextual() || source.isMissingNode()) {
      throw ApiException.invalidParameter(
          "delta_sync_index_spec needs source_table and embedding_source_columns"
              + " (self-managed vectors are not emulated).");
    }
    DeltaSyncIndexSpec.Builder builder = DeltaSyncIndexSpec.builder()
        .name(name).endpointName(endpoint).primaryKey(primaryKey)
        .sourceTable(spec.get("source_table").asText())
        .embeddingSourceColumn(source.path("name").asText());
    if (source.path("embedding_model_endpoint_name").isTextual()) {
      builder.embeddingModelEndpointName(source.get("embedding_model_endpoint_name").asText());
    }
    spec.path("columns_to_sync").forEach(column -> builder.addColumnsToSync(column.asText()));
    return builder.build();
  }

  /** A JSON document sent as a string field ({@code inputs_json}, {@code schema_json}); malformed is a 400. */
  private static JsonNode jsonField(String field, String text) {
    try {
      return Json.MAPPER.readTree(text);
    } catch (IOException e) {
      throw ApiException.invalidParameter(field + " is not valid JSON: " + e.getMessage());
    }
  }
}
