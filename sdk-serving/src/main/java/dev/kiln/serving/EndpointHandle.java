package dev.kiln.serving;

import dev.kiln.core.OperationHandle;
import dev.kiln.core.spi.LongRunningOperation;
import dev.kiln.serving.model.EndpointConfigUpdateState;
import dev.kiln.serving.model.EndpointReadyState;
import dev.kiln.serving.model.ServingEndpoint;

/**
 * A serving endpoint being deployed: waits (by polling {@code GET /api/2.0/serving-endpoints/{name}},
 * no thread blocked between polls) until {@code state.ready} is {@code READY}, and fails with
 * {@link EndpointDeploymentFailedException} when {@code config_update} reports a failed update.
 * {@link #id()} is the endpoint name; {@link #status()} is {@code state.ready}, and listeners hear of
 * changes to either {@code ready} or {@code config_update}. A deployment cannot be cancelled
 * remotely: cancelling {@link #resultAsync()} only stops waiting, and {@link #cancel()} fails with
 * {@link UnsupportedOperationException}. {@link #await()} is bounded by
 * {@link ServingOptions#deploymentTimeout()}.
 */
public final class EndpointHandle extends OperationHandle<ServingEndpoint, EndpointReadyState, ServingEndpoint> {
  EndpointHandle(String name, LongRunningOperation<ServingEndpoint, ServingEndpoint> poller) {
    super(name, poller, EndpointReadyState.class, EndpointHandle::rawStatusOf);
  }

  /** Settled: ready to serve, or the deployment failed. */
  static boolean isSettled(ServingEndpoint e) {
    return e.ready() == EndpointReadyState.READY || hasFailed(e);
  }

  /** After a config update: the old config keeps the endpoint READY, so wait for the update itself to end. */
  static boolean isUpdated(ServingEndpoint e) {
    return hasFailed(e) || (e.ready() == EndpointReadyState.READY
        && e.configUpdate() != EndpointConfigUpdateState.IN_PROGRESS);
  }

  /** The ready endpoint, or the typed failure. */
  static ServingEndpoint resultOf(ServingEndpoint e) {
    if (hasFailed(e)) {
      throw new EndpointDeploymentFailedException(e);
    }
    return e;
  }

  /** {@code state.ready} as sent: the handle's raw status. */
  static String rawStatusOf(ServingEndpoint e) {
    return e.rawReady().orElse(null);
  }

  /** What counts as a change for listeners: either half of the state, as sent. */
  static String statusOf(ServingEndpoint e) {
    return e.rawReady().orElse("") + "/" + e.rawConfigUpdate().orElse("");
  }

  private static boolean hasFailed(ServingEndpoint e) {
    EndpointConfigUpdateState u = e.configUpdate();
    return u == EndpointConfigUpdateState.UPDATE_FAILED || u == EndpointConfigUpdateState.UPDATE_CANCELED;
  }
}
