/**
 * Immutable request and response types of MLflow: experiments, runs, metrics, params, tags,
 * registered models and model versions. Build requests with {@code Foo.builder()}; times are
 * milliseconds since the epoch, as on the wire, with {@code Instant} accessors beside them.
 */
@KilnStyle
package dev.kiln.mlflow.model;

import dev.kiln.core.spi.KilnStyle;
