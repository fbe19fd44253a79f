package dev.kiln.vectorsearch.internal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kiln.core.Page;
import dev.kiln.vectorsearch.model.VectorIndex;
import java.util.List;

/** Wire answer of {@code GET /api/2.0/vector-search/indexes}. */
public final class IndexListResponseBody {
  private final List<VectorIndex> vectorIndexes;
  private final String nextPageToken;

  @JsonCreator
  IndexListResponseBody(@JsonProperty("vector_indexes") List<VectorIndex> vectorIndexes,
      @JsonProperty("next_page_token") String nextPageToken) {
    this.vectorIndexes = vectorIndexes;
    this.nextPageToken = nextPageToken;
  }

  public Page<VectorIndex> toPage() {
    return Page.of(vectorIndexes, nextPageToken);
  }
}
