package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.emulator.ServingEndpointSpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workspace's serving endpoints and how an invocation reaches a handler. Shared by the Serving API and
 * Vector Search, which computes embeddings by invoking an embedding endpoint.
 */
final class ServingEndpoints {
  static final String CHAT = "databricks-llama";
  static final String EMBEDDINGS = "databricks-bge-large-en";
  static final String FORECASTER = "bir-tax-forecaster";

  private static final Logger LOG = LoggerFactory.getLogger(ServingEndpoints.class);

  private final Map<String, ServingEndpoint> endpoints = new LinkedHashMap<>();
  private final Clock clock;

  ServingEndpoints(Clock clock) {
    this.clock = clock;
    add(ServingEndpointSpec.builder().name(CHAT).task("llm/v1/chat").handler(new EchoChatModel(clock)).build());
    add(ServingEndpointSpec.builder().name(EMBEDDINGS).task("llm/v1/embeddings")
        .handler(new HashingEmbeddingModel(BuiltInModels.BGE_LARGE_DIMENSIONS)).build());
    add(ServingEndpointSpec.builder().name(FORECASTER)
        .handler(new LinearRegressionModel(0.0, Map.of("prev_month_wht", 1.05))).build());
  }

  /** Adds or replaces an endpoint from Java. */
  void add(ServingEndpointSpec spec) {
    put(new ServingEndpoint(Objects.requireNonNull(spec, "spec"), clock, false), true);
  }

  /** Adds an endpoint created over the API; 409 when the name is taken. */
  ServingEndpoint create(ServingEndpointSpec spec, boolean routeOptimized) {
    ServingEndpoint endpoint = new ServingEndpoint(spec, clock, routeOptimized);
    put(endpoint, false);
    return endpoint;
  }

  private synchronized void put(ServingEndpoint endpoint, boolean replace) {
    if (!replace && endpoints.containsKey(endpoint.name())) {
      throw ApiException.alreadyExists("Endpoint with name '" + endpoint.name() + "' already exists.");
    }
    endpoints.put(endpoint.name(), endpoint);
  }

  synchronized Optional<ServingEndpoint> find(String name) {
    return Optional.ofNullable(endpoints.get(name));
  }

  ServingEndpoint require(String name) {
    return find(name).orElseThrow(
        () -> ApiException.notFound("Endpoint with name '" + name + "' does not exist."));
  }

  /** By {@code id}, as the permissions API names endpoints. */
  synchronized ServingEndpoint requireById(String id) {
    return endpoints.values().stream().filter(endpoint -> endpoint.id().equals(id)).findFirst().orElseThrow(
        () -> ApiException.notFound("Serving endpoint with id '" + id + "' does not exist."));
  }

  synchronized List<ServingEndpoint> all() {
    return new ArrayList<>(endpoints.values());
  }

  synchronized void remove(String name) {
    if (endpoints.remove(name) == null) {
      throw ApiException.notFound("Endpoint with name '" + name + "' does not exist.");
    }
  }

  /**
   * Runs the endpoint's handler. A handler's {@link IllegalArgumentException} is the caller's fault (400
   * BAD_REQUEST); anything else is a 500. OpenAI-style replies get {@code model} when they lack it.
   */
  JsonNode invoke(ServingEndpoint endpoint, JsonNode body) {
    if (!endpoint.isReady()) {
      throw new ApiException(503, "TEMPORARILY_UNAVAILABLE", "Endpoint '" + endpoint.name() + "' is not ready yet.");
    }
    JsonNode reply;
    try {
      reply = endpoint.handler().apply(body);
    } catch (IllegalArgumentException e) {
      throw new ApiException(400, "BAD_REQUEST", String.valueOf(e.getMessage()));
    } catch (RuntimeException e) {
      LOG.warn("the handler of serving endpoint {} failed", endpoint.name(), e);
      throw new ApiException(500, "INTERNAL_ERROR", "The model of endpoint '" + endpoint.name() + "' failed: " + e);
    }
    if (reply == null) {
      throw new ApiException(500, "INTERNAL_ERROR", "The model of endpoint '" + endpoint.name() + "' returned null.");
    }
    if (reply.isObject() && reply.has("object") && !reply.has("model")) {
      ((ObjectNode) reply).put("model", endpoint.servedModelName());
    }
    return reply;
  }

  /** Embeds {@code texts} with an embedding endpoint, as Vector Search does for managed embeddings. */
  List<float[]> embed(String endpointName, List<String> texts) {
    ArrayNode input = Json.array();
    texts.forEach(input::add);
    JsonNode reply = invoke(require(endpointName), Json.object().set("input", input));
    JsonNode data = reply.path("data");
    if (!data.isArray() || data.size() != texts.size()) {
      throw ApiException.invalidParameter(
          "Endpoint '" + endpointName + "' did not answer with one embedding per input; is it an embedding model?");
    }
    List<float[]> vectors = new ArrayList<>(texts.size());
    for (JsonNode item : data) {
      JsonNode embedding = item.path("embedding");
      float[] vector = new float[embedding.size()];
      for (int i = 0; i < vector.length; i++) {
        vector[i] = (float) embedding.get(i).asDouble();
      }
      vectors.add(vector);
    }
    return vectors;
  }
}
