package dev.kiln.mlflow;

import dev.kiln.core.OperationHandle;
import dev.kiln.core.spi.LongRunningOperation;
import dev.kiln.mlflow.model.ModelVersion;
import dev.kiln.mlflow.model.ModelVersionStatus;

/**
 * A model version being registered: waits (polling {@code model-versions/get}, no thread blocked
 * between polls) until its status is {@code READY}, and fails with
 * {@link ModelRegistrationFailedException} (carrying the server's message) on
 * {@code FAILED_REGISTRATION}. {@link #id()} is {@code name/version}; {@link #status()} is the
 * registration status. Registration cannot be cancelled: cancelling {@link #resultAsync()} only stops
 * waiting and {@link #cancel()} fails with {@link UnsupportedOperationException}. {@link #await()} is
 * bounded by {@link MlflowOptions#registrationTimeout()}.
 */
public final class ModelVersionHandle extends OperationHandle<ModelVersion, ModelVersionStatus, ModelVersion> {
  private final String name;
  private final String version;

  ModelVersionHandle(String name, String version, LongRunningOperation<ModelVersion, ModelVersion> poller) {
    super(idOf(name, version), poller, ModelVersionStatus.class, v -> v.rawStatus().orElse(null));
    this.name = name;
    this.version = version;
  }

  /** The registered model's name. */
  public String name() {
    return name;
  }

  /** The version number, as the API writes it. */
  public String version() {
    return version;
  }

  static String idOf(String name, String version) {
    return name + "/" + version;
  }

  static boolean isSettled(ModelVersion v) {
    return v.status() == ModelVersionStatus.READY || v.status() == ModelVersionStatus.FAILED_REGISTRATION;
  }

  static ModelVersion resultOf(ModelVersion v) {
    if (v.status() == ModelVersionStatus.FAILED_REGISTRATION) {
      throw new ModelRegistrationFailedException(v);
    }
    return v;
  }
}
