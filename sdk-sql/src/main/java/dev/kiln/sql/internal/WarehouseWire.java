package dev.kiln.sql.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kiln.sql.model.QueryInfo;
import dev.kiln.sql.model.Warehouse;
import java.util.List;

/** Pages of the warehouses list and of query history, and the answer of a warehouse create. Not for users. */
public final class WarehouseWire {
  private WarehouseWire() {}

  /** {@code GET /api/2.0/sql/warehouses}. */
  public static final class ListPage {
    @JsonProperty("warehouses") public List<Warehouse> warehouses;
    @JsonProperty("next_page_token") public String nextPageToken;
  }

  /** {@code GET /api/2.0/sql/history/queries}: {@code res}, and a token that counts only with {@code has_next_page}. */
  public static final class HistoryPage {
    @JsonProperty("res") public List<QueryInfo> res;
    @JsonProperty("next_page_token") public String nextPageToken;
    @JsonProperty("has_next_page") public Boolean hasNextPage;

    /** The token of the next page, or null at the end (an explicit {@code has_next_page: false} wins). */
    public String nextToken() {
      return Boolean.FALSE.equals(hasNextPage) ? null : nextPageToken;
    }
  }

  /** {@code POST /api/2.0/sql/warehouses} answers {@code {id}}. */
  public static final class Created {
    @JsonProperty("id") public String id;
  }
}
