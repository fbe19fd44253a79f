package dev.kiln.vectorsearch.internal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.vectorsearch.model.VectorMatch;
import dev.kiln.vectorsearch.model.VectorQueryResult;
import java.util.ArrayList;
import java.util.List;

/** Wire answer of query and query-next-page: {@code {manifest, result{row_count, data_array}, next_page_token}}. */
public final class QueryResponseBody {
  private final Manifest manifest;
  private final ResultData result;
  private final String nextPageToken;

  @JsonCreator
  QueryResponseBody(@JsonProperty("manifest") Manifest manifest, @JsonProperty("result") ResultData result,
      @JsonProperty("next_page_token") String nextPageToken) {
    this.manifest = manifest;
    this.result = result;
    this.nextPageToken = nextPageToken;
  }

  static final class Manifest {
    private final List<Column> columns;

    @JsonCreator
    Manifest(@JsonProperty("columns") List<Column> columns) {
      this.columns = columns;
    }
  }

  static final class Column {
    private final String name;

    @JsonCreator
    Column(@JsonProperty("name") String name) {
      this.name = name;
    }
  }

  static final class ResultData {
    private final Long rowCount;
    private final List<List<JsonNode>> dataArray;

    @JsonCreator
    ResultData(@JsonProperty("row_count") Long rowCount, @JsonProperty("data_array") List<List<JsonNode>> dataArray) {
      this.rowCount = rowCount;
      this.dataArray = dataArray;
    }
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
