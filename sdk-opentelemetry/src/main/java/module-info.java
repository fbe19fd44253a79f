/**
 * OpenTelemetry spans and metrics for Kiln: {@code dev.kiln.opentelemetry.KilnTelemetry}. Needs only
 * the OpenTelemetry API at run time; the application brings the SDK and exporters.
 */
module dev.kiln.opentelemetry {
  requires transitive dev.kiln.core;
  requires transitive io.opentelemetry.api;
  requires transitive io.opentelemetry.context;

  exports dev.kiln.opentelemetry;
}
