/**
 * Immutable models of execution contexts (API 1.2) and clusters: languages, command results,
 * tables, images and states. Server-controlled enums have an {@code UNKNOWN} constant and the models
 * keep the raw string beside them.
 */
@KilnStyle
package dev.kiln.execution.model;

import dev.kiln.core.spi.KilnStyle;
