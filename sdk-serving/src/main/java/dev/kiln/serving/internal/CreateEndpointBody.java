package dev.kiln.serving.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kiln.serving.model.CreateEndpointRequest;
import dev.kiln.serving.model.EndpointTag;
import dev.kiln.serving.model.ServedEntityInput;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Wire shape of {@code POST /api/2.0/serving-endpoints}: the flat public request nests its served
 * entities under {@code config}.
 */
public final class CreateEndpointBody {
  private final CreateEndpointRequest request;

  public CreateEndpointBody(CreateEndpointRequest request) {
    this.request = request;
  }

  @JsonProperty("name")
  public String name() {
    return request.name();
  }

  @JsonProperty("config")
  public Map<String, List<ServedEntityInput>> config() {
    return Map.of("served_entities", request.servedEntities());
  }

  @JsonProperty("tags")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public List<EndpointTag> tags() {
    return request.tags();
  }

  @JsonProperty("route_optimized")
  public Optional<Boolean> routeOptimized() {
    return request.routeOptimized();
  }
}
