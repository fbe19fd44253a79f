package dev.kiln.vectorsearch.model;

/** How an index is searched; the server's default is {@link #ANN}. */
public enum QueryType {
  /** Approximate nearest neighbour search on the embedding. */
  ANN,
  /** Embedding search combined with keyword search on the text. */
  HYBRID,
  /** Keyword search only. */
  FULL_TEXT
}
