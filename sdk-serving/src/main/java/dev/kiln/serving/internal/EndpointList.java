package dev.kiln.serving.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kiln.serving.model.ServingEndpoint;
import java.util.List;

/** Wire shape of {@code GET /api/2.0/serving-endpoints}: {@code {"endpoints": [...]}}. */
public final class EndpointList {
  @JsonProperty("endpoints")
  private List<ServingEndpoint> endpoints;

  public List<ServingEndpoint> endpoints() {
    return endpoints == null ? List.of() : List.copyOf(endpoints);
  }
}
