package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts vector search results into pages of at most {@code pageSize} rows. The remaining rows stay here under
 * an opaque {@code next_page_token} ({@code query-next-page} answers it); a token can be fetched again (for
 * retries), and only the most recent queries are kept.
 */
final class QueryPages {
  private static final int MAX_KEPT_QUERIES = 1000;

  private final int pageSize;
  private final Map<String, VectorQueryPages> kept =
      new LinkedHashMap<String, VectorQueryPages>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, VectorQueryPages> eldest) {
          return size() > MAX_KEPT_QUERIES;
        }
      };

  QueryPages(int pageSize) {
    this.pageSize = pageSize;
  }

  /** The results of one query, kept for their later pages. */
  private static final class VectorQueryPages {
    final String indexName;
    final VectorQuery.Result result;

    VectorQueryPages(String indexName, VectorQuery.Result result) {
      this.indexName = indexName;
      this.result = result;
    }
  }

  synchronized ObjectNode firstPage(String indexName, VectorQuery.Result result) {
    String queryId = Ids.urlToken();
    if (result.rows.size() > pageSize) {
      kept.put(queryId, new VectorQueryPages(indexName, result));
    }
    return page(queryId, result, 0);
  }

  synchronized ObjectNode nextPage(String indexName, String token) {
    String decoded;
    try {
      decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalidToken();
    }
    int colon = decoded.lastIndexOf(':');
    VectorQueryPages pages = colon < 0 ? null : kept.get(decoded.substring(0, colon));
    if (pages == null || !pages.indexName.equals(indexName)) {
      throw invalidToken();
    }
    try {
      return page(decoded.substring(0, colon), pages.result, Integer.parseInt(decoded.substring(colon + 1)));
    } catch (NumberFormatException e) {
      throw invalidToken();
    }
  }

  private static ApiException invalidToken() {
    return ApiException.invalidParameter("page_token is not valid for this index, or has expired.");
  }

  private ObjectNode page(String queryId, VectorQuery.Result result, int offset) {
    List<ArrayNode> rows = result.rows;
    int from = Math.min(offset, rows.size());
    int to = Math.min(rows.size(), from + pageSize);
    ObjectNode body = Json.object();
    ObjectNode manifest = body.putObject("manifest");
    manifest.put("column_count", result.columns.size());
    ArrayNode columns = manifest.putArray("columns");
    result.columns.forEach(name -> columns.addObject().put("name", name));
    ObjectNode page = body.putObject("result");
    page.put("row_count", to - from);
    page.putArray("data_array").addAll(rows.subList(from, to));
    if (to < rows.size()) {
      String token = queryId + ":" + to;
      body.put("next_page_token", Base64.getUrlEncoder().withoutPadding()
          .encodeToString(token.getBytes(StandardCharsets.UTF_8)));
    }
    return body;
  }
}
