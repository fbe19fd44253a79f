package dev.kiln.vectorsearch.internal;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Wire body of {@code POST .../indexes/{name}/scan}; no key on the first page. */
public final class ScanRequestBody {
  @JsonProperty("last_primary_key")
  private final String lastPrimaryKey;
  @JsonProperty("num_results")
  private final int numResults;

  private ScanRequestBody(String lastPrimaryKey, int numResults) {
    this.lastPrimaryKey = lastPrimaryKey;
    this.numResults = numResults;
  }

  public static ScanRequestBody of(String lastPrimaryKey, int numResults) {
    return new ScanRequestBody(lastPrimaryKey, numResults);
  }
}
