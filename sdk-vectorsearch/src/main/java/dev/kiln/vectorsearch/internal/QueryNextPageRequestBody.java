package dev.kiln.vectorsearch.internal;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Wire body of {@code POST .../indexes/{name}/query-next-page}. */
public final class QueryNextPageRequestBody {
  @JsonProperty("endpoint_name")
  private final String endpointName;
  @JsonProperty("page_token")
  private final String pageToken;

  public QueryNextPageRequestBody(String endpointName, String pageToken) {
    this.endpointName = endpointName;
    this.pageToken = pageToken;
  }
}
