package dev.kiln.emulator.internal;

import java.util.concurrent.CompletionStage;

/** Route handlers. Throwing {@link ApiException} (or completing with it) produces the error reply. */
final class RouteHandler {
  private RouteHandler() {}

  /** Answers right away. */
  @FunctionalInterface
  interface Sync {
    Response handle(Request request);
  }

  /** Answers later without holding a server thread, e.g. a statement POST waiting on {@code wait_timeout}. */
  @FunctionalInterface
  interface Async {
    CompletionStage<Response> handle(Request request);
  }
}
