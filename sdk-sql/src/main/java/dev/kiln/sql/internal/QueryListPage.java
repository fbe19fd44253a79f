package dev.kiln.sql.internal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kiln.sql.model.Query;
import java.util.List;

/** One page of GET /api/2.0/sql/queries. */
public final class QueryListPage {
  private final List<Query> results;
  private final String nextPageToken;

  @JsonCreator
  QueryListPage(@JsonProperty("results") List<Query> results, @JsonProperty("next_page_token") String nextPageToken) {
    this.results = results == null ? List.of() : results;
    this.nextPageToken = nextPageToken;
  }

  public List<Query> results() {
    return results;
  }

  /** Null or empty on the last page. */
  public String nextPageToken() {
    return nextPageToken;
  }
}
