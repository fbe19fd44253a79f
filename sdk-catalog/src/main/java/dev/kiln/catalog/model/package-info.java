/**
 * Immutable request and response types of the Unity Catalog API. Responses keep every
 * server-controlled enum's raw string beside the typed value, so values added by the server later
 * are never lost.
 */
@KilnStyle
package dev.kiln.catalog.model;

import dev.kiln.core.spi.KilnStyle;
