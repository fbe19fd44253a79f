package dev.kiln.serving;

import dev.kiln.core.Poller;
import dev.kiln.serving.model.EndpointConfigUpdateState;
import dev.kiln.serving.model.EndpointReadyState;
import dev.kiln.serving.model.ServingEndpoint;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A serving endpoint being created: waits (by polling {@code GET /api/2.0/serving-endpoints/{name}},
 * no thread blocked between polls) until {@code state.ready} is {@code READY}, and fails with
 * {@link EndpointDeploymentFailedException} when {@code config_update} reports a failed update.
 * Creation cannot be cancelled remotely: cancelling {@link #resultAsync()} only stops waiting.
 */
public final class EndpointHandle {
  private final String name;
  private final Poller<ServingEndpoint, ServingEndpoint> poller;

  EndpointHandle(String name, Poller<ServingEndpoint, ServingEndpoint> poller) {
    this.name = name;
    this.poller = poller;
  }

  /** Settled: ready to serve, or the deployment failed. */
  static boolean isSettled(ServingEndpoint e) {
    return e.ready() == EndpointReadyState.READY || hasFailed(e);
  }

  /** The ready endpoint, or the typed failure. */
  static ServingEndpoint resultOf(ServingEndpoint e) {
    if (hasFailed(e)) {
      throw new EndpointDeploymentFailedException(e);
    }
    return e;
  }

  /** Listeners hear of changes to either half of the state. */
  static String statusOf(ServingEndpoint e) {
    return e.ready() + "/" + e.configUpdate();
  }

  private static boolean hasFailed(ServingEndpoint e) {
    EndpointConfigUpdateState u = e.configUpdate();
    return u == EndpointConfigUpdateState.UPDATE_FAILED || u == EndpointConfigUpdateState.UPDATE_CANCELED;
  }

  public String name() {
    return name;
  }

  /** Waits at most {@code timeout} for the endpoint to be ready; on timeout it keeps deploying. */
  public ServingEndpoint await(Duration timeout) {
    return poller.await(timeout);
  }

  public ServingEndpoint await() {
    return poller.await();
  }

  /** Completes with the ready endpoint; cancelling it stops polling (the endpoint stays). */
  public CompletableFuture<ServingEndpoint> resultAsync() {
    return poller.resultAsync();
  }

  /** Fetches the state now (blocking) and records it. */
  public ServingEndpoint poll() {
    return poller.poll();
  }

  public Optional<ServingEndpoint> lastState() {
    return poller.lastState();
  }

  public boolean isDone() {
    return poller.isDone();
  }

  /** Called with the current state at once, then on each change of ready/config_update. */
  public void addListener(Consumer<? super ServingEndpoint> listener) {
    poller.addListener(listener);
  }

  @Override
  public String toString() {
    return "EndpointHandle[" + name + ", done=" + poller.isDone() + "]";
  }
}
