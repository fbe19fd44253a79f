/**
 * Databricks Vector Search: start with {@link dev.kiln.vectorsearch.VectorSearchClient#create}.
 * Request and response types are in {@code dev.kiln.vectorsearch.model}.
 */
package dev.kiln.vectorsearch;
