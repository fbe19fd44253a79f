package dev.kiln.serving;

import dev.kiln.core.OperationHandle;
import dev.kiln.core.Poller;
import dev.kiln.serving.model.EndpointConfigUpdateState;
import dev.kiln.serving.model.EndpointReadyState;
import dev.kiln.serving.model.ServingEndpoint;

/**
 * A serving endpoint being created: waits (by polling {@code GET /api/2.0/serving-endpoints/{name}},
 * no thread blocked between polls) until {@code state.ready} is {@code READY}, and fails with
 * {@link EndpointDeploymentFailedException} when {@code config_update} reports a failed update.
 * Creation cannot be cancelled remotely: cancelling {@link #resultAsync()} only stops waiting, and
 * {@link #cancel()} fails with {@link UnsupportedOperationException}.
 */
public final class EndpointHandle extends OperationHandle<ServingEndpoint, ServingEndpoint> {
  private final String name;

  EndpointHandle(String name, Poller<ServingEndpoint, ServingEndpoint> poller) {
    super(poller);
    this.name = name;
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

  @Override
  public String toString() {
    return "EndpointHandle[" + name + ", done=" + isDone() + "]";
  }
}
