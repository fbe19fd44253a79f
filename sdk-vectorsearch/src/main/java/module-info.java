/** Kiln's Databricks Vector Search client: {@code dev.kiln.vectorsearch.VectorSearchClient}. */
module dev.kiln.vectorsearch {
  requires transitive dev.kiln.core;
  requires static org.immutables.value.annotations;

  exports dev.kiln.vectorsearch;
  exports dev.kiln.vectorsearch.model;

  // Jackson builds the models and the wire DTOs by reflection.
  opens dev.kiln.vectorsearch.model to com.fasterxml.jackson.databind;
  opens dev.kiln.vectorsearch.internal to com.fasterxml.jackson.databind;
}
