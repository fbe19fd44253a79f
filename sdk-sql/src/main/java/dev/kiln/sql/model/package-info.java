/**
 * Immutable request and response models of the SQL Statement Execution and Queries APIs. Every
 * server-controlled enum has an {@code UNKNOWN} constant and the model keeps the raw text beside it.
 */
@KilnStyle
package dev.kiln.sql.model;

import dev.kiln.core.spi.KilnStyle;
