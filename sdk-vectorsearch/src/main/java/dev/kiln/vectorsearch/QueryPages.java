package dev.kiln.vectorsearch;

import dev.kiln.core.Page;
import dev.kiln.core.error.DatabricksClientException;
import dev.kiln.vectorsearch.model.VectorMatch;
import dev.kiln.vectorsearch.model.VectorQuery;
import dev.kiln.vectorsearch.model.VectorQueryResult;
import java.util.function.Function;

/**
 * Page source behind {@link VectorSearchClient#queryAll}: the query itself for the first page, then
 * query-next-page with the endpoint's name, which the query may carry or which is looked up once
 * (and remembered across iterations) the first time a second page is needed.
 */
final class QueryPages implements Function<String, Page<VectorMatch>> {
  private final VectorSearchClient client;
  private final String indexName;
  private final VectorQuery query;
  private volatile String endpointName; // a racing second lookup is harmless, so no lock

  QueryPages(VectorSearchClient client, String indexName, VectorQuery query) {
    this.client = client;
    this.indexName = indexName;
    this.query = query;
    this.endpointName = query.endpointName().orElse(null);
  }

  @Override
  public Page<VectorMatch> apply(String pageToken) {
    VectorQueryResult page = pageToken == null
        ? client.query(indexName, query)
        : client.queryNextPage(indexName, endpointName(), pageToken);
    return Page.of(page.matches(), page.nextPageToken().orElse(null));
  }

  private String endpointName() {
    String name = endpointName;
    if (name == null) {
      name = client.getIndex(indexName).endpointName().orElseThrow(() -> new DatabricksClientException(
          "index " + indexName + " reports no endpoint_name, which the next page needs; "
              + "set VectorQuery.endpointName(..)"));
      endpointName = name;
    }
    return name;
  }
}
