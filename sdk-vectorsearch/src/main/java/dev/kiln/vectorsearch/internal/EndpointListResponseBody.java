package dev.kiln.vectorsearch.internal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kiln.core.Page;
import dev.kiln.vectorsearch.model.VectorSearchEndpoint;
import java.util.List;

/** Wire answer of {@code GET /api/2.0/vector-search/endpoints}. */
public final class EndpointListResponseBody {
  private final List<VectorSearchEndpoint> endpoints;
  private final String nextPageToken;

  @JsonCreator
  EndpointListResponseBody(@JsonProperty("endpoints") List<VectorSearchEndpoint> endpoints,
      @JsonProperty("next_page_token") String nextPageToken) {
    this.endpoints = endpoints;
    this.nextPageToken = nextPageToken;
  }

  public Page<VectorSearchEndpoint> toPage() {
    return Page.of(endpoints, nextPageToken);
  }
}
