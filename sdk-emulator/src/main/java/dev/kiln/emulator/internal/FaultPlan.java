package dev.kiln.emulator.internal;

import dev.kiln.emulator.Fault;
import java.time.Duration;

/** What the injected faults do to one request: a delay first, then at most one other fault. */
final class FaultPlan {
  static final FaultPlan NONE = new FaultPlan(Duration.ZERO, null);

  private final Duration latency;
  private final Fault action;

  FaultPlan(Duration latency, Fault action) {
    this.latency = latency;
    this.action = action;
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
      reply = reply.withHeader("Retry-After", Long.toString(seconds));
    }
    return reply;
  }

  /** The pause between body pieces of a {@link Fault.Kind#SLOW_BODY} fault. */
  Duration slowBodyPause() {
    return action.delay();
  }
}
