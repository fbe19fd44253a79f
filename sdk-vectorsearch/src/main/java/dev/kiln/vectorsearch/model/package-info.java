/**
 * Immutable request and response types of the Vector Search API. Build requests with
 * {@code VectorQuery.builder()}; responses keep every server-controlled enum's raw string beside
 * the typed value so values added by the server later are never lost.
 */
@KilnStyle
package dev.kiln.vectorsearch.model;

import dev.kiln.core.spi.KilnStyle;
