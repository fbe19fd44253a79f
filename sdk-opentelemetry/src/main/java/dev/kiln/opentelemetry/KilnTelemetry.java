package dev.kiln.opentelemetry;

import dev.kiln.core.ClientListener;
import dev.kiln.opentelemetry.internal.TelemetryListener;
import io.opentelemetry.api.OpenTelemetry;
import java.util.Objects;

/**
 * Traces and meters a {@link dev.kiln.core.DatabricksClient} with OpenTelemetry.
 *
 * <pre>{@code
 * DatabricksClient db = DatabricksClient.builder()
 *     .listener(KilnTelemetry.create(GlobalOpenTelemetry.get()))
 *     .build();
 * }</pre>
 *
 * See the {@linkplain dev.kiln.opentelemetry package} for the spans, attributes and metrics.
 */
public final class KilnTelemetry {
  /** The default instrumentation scope name of Kiln's tracer and meter. */
  public static final String INSTRUMENTATION_NAME = "dev.kiln.opentelemetry";

  private KilnTelemetry() {}

  /**
   * A listener with the default options: attempt and operation spans, and all metrics.
   *
   * @param openTelemetry where spans and metrics go, e.g. {@code GlobalOpenTelemetry.get()}
   * @return the listener to register on {@link dev.kiln.core.DatabricksClient.Builder#listener}
   */
  public static ClientListener create(OpenTelemetry openTelemetry) {
    return builder(openTelemetry).build();
  }

  /**
   * A builder for a listener with options other than the defaults.
   *
   * @param openTelemetry where spans and metrics go
   * @return a new builder
   */
  public static Builder builder(OpenTelemetry openTelemetry) {
    return new Builder(openTelemetry);
  }

  /** Options for the listener {@link KilnTelemetry#builder} builds; not thread-safe. */
  public static final class Builder {
    private final OpenTelemetry openTelemetry;
    private String instrumentationName = INSTRUMENTATION_NAME;
    private String instrumentationVersion = KilnTelemetry.class.getPackage().getImplementationVersion();
    private boolean operationSpans = true;

    private Builder(OpenTelemetry openTelemetry) {
      this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
    }

    /**
     * The instrumentation scope name of the tracer and meter; default {@link #INSTRUMENTATION_NAME}.
     *
     * @param value the scope name, not blank
     * @return this builder
     */
    public Builder instrumentationName(String value) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException("instrumentationName must not be blank");
      }
      this.instrumentationName = value;
      return this;
    }

    /**
     * The instrumentation scope version; default the jar's {@code Implementation-Version}, if any.
     *
     * @param value the version, or null for none
     * @return this builder
     */
    public Builder instrumentationVersion(String value) {
      this.instrumentationVersion = value;
      return this;
    }

    /**
     * Whether each long-running operation gets a span of its own (default true). Without it, the
     * requests that poll an operation are children of the context that started it, and the
     * operation metrics are still recorded.
     *
     * @param value true to record operation spans
     * @return this builder
     */
    public Builder operationSpans(boolean value) {
      this.operationSpans = value;
      return this;
    }

    /**
     * The listener, to register on {@link dev.kiln.core.DatabricksClient.Builder#listener}.
     *
     * @return a new listener; one may serve several clients
     */
    public ClientListener build() {
      return new TelemetryListener(openTelemetry, instrumentationName, instrumentationVersion, operationSpans);
    }
  }
}
