package dev.kiln.examples.snippets;

import dev.kiln.vectorsearch.VectorSearchClient;
import dev.kiln.vectorsearch.model.VectorMatch;
import dev.kiln.vectorsearch.model.VectorQuery;
import dev.kiln.vectorsearch.model.VectorQueryResult;

/** README "Vector search": the closest rows of an index to a text, with their scores. */
@SuppressWarnings("unused") // snippets declare variables to show what a call returns
final class VectorSearchSnippet {
  private VectorSearchSnippet() {}

  static java.util.List<String> run(dev.kiln.core.DatabricksClient db) {
    // snippet:vectorsearch
    VectorSearchClient vs = VectorSearchClient.create(db);
    VectorQueryResult hits = vs.query("main.docs.en_wiki_index", VectorQuery.builder()
            .addColumns("id", "text").queryText("Databricks Vector Search").numResults(20).build());
    for (VectorMatch m : hits.matches()) {
        String text = m.getString("text");
        double score = m.score();
    }
    // end-snippet
    java.util.List<String> texts = new java.util.ArrayList<>();
    hits.matches().forEach(m -> texts.add(m.getString("text")));
    return texts;
  }
}
