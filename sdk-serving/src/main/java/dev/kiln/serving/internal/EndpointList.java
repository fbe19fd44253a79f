package dev.kiln.serving.internal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kiln.serving.model.ServingEndpoint;
import java.util.List;

/** Wire shape of {@code GET /api/2.0/serving-endpoints}: {@code {"endpoints": [...]}}. */
public final class EndpointList {
  private final List<ServingEndpoint> endpoints;

  @JsonCreator
  EndpointList(@JsonProperty("endpoints") List<ServingEndpoint> endpoints) {
    this.endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
  }

  @JsonProperty("endpoints")
  public List<ServingEndpoint> endpoints() {
    return endpoints;
  }
}
