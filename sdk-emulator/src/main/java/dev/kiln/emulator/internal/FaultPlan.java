package dev.kiln.emulator.internal;

import dev.kiln.emulator.Fault;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** What the injected faults do to one request: a delay first, then at most one other fault. */
final class FaultPlan {
  /** IMF-fixdate (RFC 9110): two-digit day, English names, GMT. */
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);
  static final FaultPlan NONE = new FaultPlan(Duration.ZERO, null, Instant.EPOCH);

  private final Duration latency;
  private final Fault action;
  private final Instant now;

  FaultPlan(Duration latency, Fault action, Instant now) {
    this.latency = latency;
    this.action = action;
    this.now = now;
  }

  Duration latency() {
    return latency;
  }

  boolean is(Fault.Kind kind) {
    return action != null && action.kind() == kind;
  }

  /** The error reply of a {@link Fault.Kind#STATUS} fault. */
  Response statusReply() {
    Response reply =
        Response.error(
            action.status(),
            action.errorCode().orElse("INTERNAL_ERROR"),
            "Injected fault: " + action.status() + " " + action.errorCode().orElse(""));
    if (action.retryAfter().isPresent()) {
      Duration retryAfter = action.retryAfter().get();
      long seconds = retryAfter.getSeconds() + (retryAfter.getNano() > 0 ? 1 : 0);
      reply = reply.withHeader("Retry-After", action.retryAfterIsHttpDate()
          ? HTTP_DATE.format(now.plusSeconds(seconds).atOffset(ZoneOffset.UTC))
          : Long.toString(seconds));
    }
    return reply;
  }

  /** How long a stall fault sends nothing. */
  Duration stall() {
    return action.delay();
  }

  /** How many whole events a {@link Fault.Kind#CUT_BETWEEN_EVENTS} fault lets through. */
  int events() {
    return action.events();
  }

  /** The pause between body pieces of a {@link Fault.Kind#SLOW_BODY} fault. */
  Duration slowBodyPause() {
    return action.delay();
  }
}
