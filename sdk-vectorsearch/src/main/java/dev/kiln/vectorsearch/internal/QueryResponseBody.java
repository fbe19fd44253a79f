package dev.kiln.vectorsearch.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.vectorsearch.model.VectorMatch;
import dev.kiln.vectorsearch.model.VectorQueryResult;
import java.util.ArrayList;
import java.util.List;

/** Wire answer of query and query-next-page: {@code {manifest, result{row_count, data_array}, next_page_token}}. */
public final class QueryResponseBody {
  @JsonProperty("manifest")
  Manifest manifest;
  @JsonProperty("result")
  ResultData result;
  @JsonProperty("next_page_token")
  String nextPageToken;

  static final class Manifest {
    @JsonProperty("columns")
    List<Column> columns;
  }

  static final class Column {
    @JsonProperty("name")
    String name;
  }

  static final class ResultData {
    @JsonProperty("row_count")
    Long rowCount;
    @JsonProperty("data_array")
    List<List<JsonNode>> dataArray;
  }

  public VectorQueryResult toResult() {
    List<String> names = new ArrayList<>();
    if (manifest != null && manifest.columns != null) {
      for (Column c : manifest.columns) {
        names.add(c == null || c.name == null ? "" : c.name);
      }
    }
    List<VectorMatch> matches = new ArrayList<>();
    if (result != null && result.dataArray != null) {
      for (List<JsonNode> row : result.dataArray) {
        matches.add(VectorMatch.of(names, row == null ? List.of() : row));
      }
    }
    long rows = result != null && result.rowCount != null ? result.rowCount : matches.size();
    return VectorQueryResult.builder()
        .columns(names)
        .matches(matches)
        .rowCount(rows)
        .nextPageToken(nextPageToken == null || nextPageToken.isEmpty() ? null : nextPageToken)
        .build();
  }
}
