/**
 * Immutable request and response types of the Jobs API: job settings and their tasks, runs, run
 * states and outputs. Build requests with {@code Foo.builder()}; server enums keep the raw text
 * beside the typed value ({@code UNKNOWN} for values newer than this SDK).
 */
@KilnStyle
package dev.kiln.jobs.model;

import dev.kiln.core.spi.KilnStyle;
