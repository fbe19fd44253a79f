package dev.kiln.vectorsearch.internal;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Wire body of {@code POST .../indexes/{name}/query-next-page}. */
public final class QueryNextPageRequestBody {
  @JsonProperty("endpoint_name")
  private final String endpointName;
  @JsonProperty("page_token")
  private final String pageToken;

  private QueryNextPageRequestBody(String endpointName, String pageToken) {
    this.endpointName = endpointName;
    this.pageToken = pageToken;
  }

  public static QueryNextPageRequestBody of(String endpointName, String pageToken) {
    return new QueryNextPageRequestBody(endpointName, pageToken);
  }
}
