package dev.kiln.opentelemetry;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** An OpenTelemetry SDK whose spans and metrics stay in memory, with a way to wait for spans. */
final class Telemetry implements AutoCloseable {
  final InMemorySpanExporter spans = InMemorySpanExporter.create();
  final InMemoryMetricReader metrics = InMemoryMetricReader.create();
  final OpenTelemetrySdk sdk;

  Telemetry() {
    SpanExporter notifying = new SpanExporter() {
      @Override
      public CompletableResultCode export(Collection<SpanData> batch) {
        CompletableResultCode result = spans.export(batch);
        synchronized (Telemetry.this) {
          Telemetry.this.notifyAll();
        }
        return result;
      }

      @Override
      public CompletableResultCode flush() {
        return spans.flush();
      }

      @Override
      public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
      }
    };
    sdk = OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(notifying)).build())
        .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
        .build();
  }

  Tracer tracer() {
    return sdk.getTracer("test");
  }

  /**
   * The finished spans once {@code done} holds for them (an operation's span ends after the
   * continuations of its result ran, so possibly after the caller saw the result).
   */
  synchronized List<SpanData> awaitSpans(Predicate<List<SpanData>> done) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!done.test(spans.getFinishedSpanItems())) {
      long left = deadline - System.nanoTime();
      assertTrue(left > 0, "spans not there in time: " + spans.getFinishedSpanItems());
      wait(left / 1_000_000 + 1);
    }
    return spans.getFinishedSpanItems();
  }

  /** Waits for {@code count} spans named {@code name}. */
  List<SpanData> awaitSpans(String name, int count) throws InterruptedException {
    return awaitSpans(all -> all.stream().filter(s -> s.getName().equals(name)).count() >= count);
  }

  Optional<MetricData> metric(Collection<MetricData> all, String name) {
    return all.stream().filter(m -> m.getName().equals(name)).findFirst();
  }

  @Override
  public void close() {
    sdk.close();
  }
}
