package dev.kiln.opentelemetry.internal;

import dev.kiln.core.ClientListener;
import dev.kiln.core.OperationEvent;
import dev.kiln.core.RequestEvent;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.MeterBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerBuilder;
import io.opentelemetry.context.Context;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns Kiln's listener events into spans and metrics. A call's events share its id, so its attempts
 * find the context it started in; an operation's poll requests name it, so they find its span.
 */
public final class TelemetryListener implements ClientListener {
  static final AttributeKey<String> HTTP_REQUEST_METHOD = AttributeKey.stringKey("http.request.method");
  static final AttributeKey<String> HTTP_REQUEST_METHOD_ORIGINAL = AttributeKey.stringKey("http.request.method_original");
  static final AttributeKey<Long> HTTP_RESPONSE_STATUS_CODE = AttributeKey.longKey("http.response.status_code");
  static final AttributeKey<Long> HTTP_REQUEST_RESEND_COUNT = AttributeKey.longKey("http.request.resend_count");
  static final AttributeKey<String> URL_TEMPLATE = AttributeKey.stringKey("url.template");
  static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");
  static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
  static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
  static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("databricks.request_id");
  static final AttributeKey<String> OPERATION_KIND = AttributeKey.stringKey("kiln.operation.kind");
  static final AttributeKey<String> OPERATION_ID = AttributeKey.stringKey("kiln.operation.id");
  static final AttributeKey<String> OPERATION_STATUS = AttributeKey.stringKey("kiln.operation.status");
  static final AttributeKey<Long> OPERATION_POLLS = AttributeKey.longKey("kiln.operation.polls");

  /** What the semantic conventions call a known method; any other is reported as {@code _OTHER}. */
  private static final Set<String> KNOWN_METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH");
  /** The semantic conventions' advice for {@code http.client.request.duration}. */
  private static final List<Double> HTTP_BUCKETS =
      List.of(0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0);
  /** Operations run from under a second to hours. */
  private static final List<Double> OPERATION_BUCKETS =
      List.of(0.1, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0, 600.0, 1800.0, 3600.0, 7200.0);

  private final Tracer tracer;
  private final boolean operationSpans;
  private final DoubleHistogram requestDuration;
  private final LongCounter retries;
  private final LongCounter polls;
  private final DoubleHistogram operationDuration;
  private final Map<Long, CallState> calls = new ConcurrentHashMap<>();
  private final Map<String, OperationState> operations = new ConcurrentHashMap<>();

  /** A call in flight: the context its attempts start in, and the attempt open now. */
  private static final class CallState {
    final Context parent;
    volatile Span attempt;
    volatile long attemptStartNanos;

    CallState(Context parent) {
      this.parent = parent;
    }
  }

  /** An operation being followed: its span (invalid when operation spans are off) and context. */
  private static final class OperationState {
    final Span span;
    final Context context;
    final long startNanos = System.nanoTime();

    OperationState(Span span, Context context) {
      this.span = span;
      this.context = context;
    }
  }

  public TelemetryListener(OpenTelemetry openTelemetry, String name, String version, boolean operationSpans) {
    TracerBuilder tb = openTelemetry.tracerBuilder(name);
    MeterBuilder mb = openTelemetry.meterBuilder(name);
    if (version != null) {
      tb.setInstrumentationVersion(version);
      mb.setInstrumentationVersion(version);
    }
    this.tracer = tb.build();
    Meter meter = mb.build();
    this.operationSpans = operationSpans;
    this.requestDuration = meter.histogramBuilder("http.client.request.duration").setUnit("s")
        .setDescription("Duration of HTTP client requests (each attempt).")
        .setExplicitBucketBoundariesAdvice(HTTP_BUCKETS).build();
    this.retries = meter.counterBuilder("kiln.client.retries").setUnit("{retry}")
        .setDescription("Attempts that Kiln will repeat after a retryable failure.").build();
    this.polls = meter.counterBuilder("kiln.operation.polls").setUnit("{poll}")
        .setDescription("Status polls of long-running operations.").build();
    this.operationDuration = meter.histogramBuilder("kiln.operation.duration").setUnit("s")
        .setDescription("Time from following a long-running operation to its end.")
        .setExplicitBucketBoundariesAdvice(OPERATION_BUCKETS).build();
  }

  // ---- calls and their attempts ----

  @Override
  public void callStarted(RequestEvent event) {
    calls.put(event.callId(), new CallState(parentOf(event)));
  }

  @Override
  public void requestSent(RequestEvent event) {
    CallState call = calls.computeIfAbsent(event.callId(), id -> new CallState(parentOf(event)));
    call.attemptStartNanos = System.nanoTime();
    call.attempt = startAttempt(event, call.parent);
  }

  @Override
  public void responseReceived(RequestEvent event) {
    CallState call = calls.get(event.callId());
    Span open = call == null ? null : call.attempt;
    long elapsedNanos = 0;
    if (open != null) {
      call.attempt = null;
      elapsedNanos = System.nanoTime() - call.attemptStartNanos;
    }
    // An attempt that ended before it was sent (no credentials could be had) gets a span of no length.
    Span span = open != null ? open : startAttempt(event, call == null ? parentOf(event) : call.parent);
    String errorType = errorTypeOf(event);
    if (event.statusCode() >= 0) {
      span.setAttribute(HTTP_RESPONSE_STATUS_CODE, (long) event.statusCode());
    }
    event.requestId().ifPresent(id -> span.setAttribute(REQUEST_ID, id));
    if (errorType != null) {
      span.setAttribute(ERROR_TYPE, errorType);
      span.setStatus(StatusCode.ERROR);
    }
    span.end();
    requestDuration.record(elapsedNanos / 1e9, metricAttributes(event, errorType));
  }

  @Override
  public void retryScheduled(RequestEvent event) {
    retries.add(1, metricAttributes(event, errorTypeOf(event)));
  }

  @Override
  public void callFinished(RequestEvent event) {
    CallState call = calls.remove(event.callId());
    Span open = call == null ? null : call.attempt;
    if (open != null) {
      // Cancelled, or the client closed, while an attempt was out.
      open.setAttribute(ERROR_TYPE, event.errorType().orElse("cancelled"));
      open.setStatus(StatusCode.ERROR);
      open.end();
    }
  }

  /**
   * Where a call's attempts go: under the operation it polls or cancels; else under the caller's
   * current span; else (a continuation on one of Kiln's threads) where the call it follows from went.
   */
  private Context parentOf(RequestEvent event) {
    if (event.operationKind().isPresent()) {
      OperationState op = operations.get(key(event.operationKind().get(), event.operationId().orElse("")));
      if (op != null) {
        return op.context;
      }
    }
    return currentOr(event.parentCallId());
  }

  /** The current context if it holds a span, else that of call {@code callId} if known, else the current one. */
  private Context currentOr(long callId) {
    Context current = Context.current();
    if (Span.fromContext(current).getSpanContext().isValid() || callId == 0) {
      return current;
    }
    CallState from = calls.get(callId);
    return from == null ? current : from.parent;
  }

  private Span startAttempt(RequestEvent event, Context parent) {
    String method = method(event.method());
    SpanBuilder span = tracer.spanBuilder((method.equals("_OTHER") ? "HTTP" : method) + " " + event.pathTemplate())
        .setSpanKind(SpanKind.CLIENT)
        .setParent(parent)
        .setAttribute(HTTP_REQUEST_METHOD, method)
        .setAttribute(URL_TEMPLATE, event.pathTemplate())
        .setAttribute(SERVER_ADDRESS, event.host());
    if (!method.equals(event.method())) {
      span.setAttribute(HTTP_REQUEST_METHOD_ORIGINAL, event.method());
    }
    if (event.port() > 0) {
      span.setAttribute(SERVER_PORT, (long) event.port());
    }
    event.url().ifPresent(url -> span.setAttribute(URL_FULL, url));
    if (event.attempt() > 1) {
      span.setAttribute(HTTP_REQUEST_RESEND_COUNT, (long) event.attempt() - 1);
    }
    return span.startSpan();
  }

  /** The status code for an error answer, Kiln's exception type when none came; null on success. */
  private static String errorTypeOf(RequestEvent event) {
    if (event.statusCode() >= 400) {
      return String.valueOf(event.statusCode());
    }
    if (event.statusCode() < 0) {
      return event.errorType().orElse("_OTHER");
    }
    return event.errorType().orElse(null);
  }

  private static String method(String method) {
    return KNOWN_METHODS.contains(method) ? method : "_OTHER";
  }

  /** Bounded attributes: the template, never the path; no request id or URL. */
  private static Attributes metricAttributes(RequestEvent event, String errorType) {
    AttributesBuilder b = Attributes.builder()
        .put(HTTP_REQUEST_METHOD, method(event.method()))
        .put(URL_TEMPLATE, event.pathTemplate())
        .put(SERVER_ADDRESS, event.host());
    if (event.port() > 0) {
      b.put(SERVER_PORT, (long) event.port());
    }
    if (event.statusCode() >= 0) {
      b.put(HTTP_RESPONSE_STATUS_CODE, (long) event.statusCode());
    }
    if (errorType != null) {
      b.put(ERROR_TYPE, errorType);
    }
    return b.build();
  }

  // ---- long-running operations ----

  @Override
  public void operationStarted(OperationEvent event) {
    Context parent = currentOr(event.callId());
    Span span = Span.getInvalid();
    Context context = parent;
    if (operationSpans) {
      span = tracer.spanBuilder("Kiln " + event.kind())
          .setSpanKind(SpanKind.INTERNAL)
          .setParent(parent)
          .setAttribute(OPERATION_KIND, event.kind())
          .setAttribute(OPERATION_ID, event.id())
          .startSpan();
      context = parent.with(span);
    }
    operations.put(key(event.kind(), event.id()), new OperationState(span, context));
  }

  @Override
  public void polled(OperationEvent event) {
    AttributesBuilder b = Attributes.builder().put(OPERATION_KIND, event.kind());
    if (event.status() != null) {
      b.put(OPERATION_STATUS, event.status());
    }
    polls.add(1, b.build());
  }

  @Override
  public void statusChanged(OperationEvent event) {
    OperationState op = operations.get(key(event.kind(), event.id()));
    if (op != null && event.status() != null) {
      op.span.addEvent("status", Attributes.of(OPERATION_STATUS, event.status(), OPERATION_POLLS, (long) event.polls()));
    }
  }

  @Override
  public void operationFinished(OperationEvent event) {
    OperationState op = operations.remove(key(event.kind(), event.id()));
    if (op == null) {
      return;
    }
    String errorType = event.errorType().orElse(null);
    Span span = op.span;
    if (event.status() != null) {
      span.setAttribute(OPERATION_STATUS, event.status());
    }
    span.setAttribute(OPERATION_POLLS, (long) event.polls());
    if (errorType != null) {
      span.setAttribute(ERROR_TYPE, errorType);
      span.setStatus(StatusCode.ERROR);
    }
    span.end();
    AttributesBuilder b = Attributes.builder().put(OPERATION_KIND, event.kind());
    if (event.status() != null) {
      b.put(OPERATION_STATUS, event.status());
    }
    if (errorType != null) {
      b.put(ERROR_TYPE, errorType);
    }
    operationDuration.record((System.nanoTime() - op.startNanos) / 1e9, b.build());
  }

  private static String key(String kind, String id) {
    return kind + '\n' + id;
  }
}
