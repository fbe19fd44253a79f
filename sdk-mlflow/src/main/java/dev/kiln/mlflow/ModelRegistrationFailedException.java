package dev.kiln.mlflow;

import dev.kiln.core.error.OperationFailedException;
import dev.kiln.mlflow.model.ModelVersion;

/**
 * A model version ended in {@code FAILED_REGISTRATION}; the message carries the server's
 * {@code status_message}. {@link #operationId()} is {@code name/version}.
 */
public class ModelRegistrationFailedException extends OperationFailedException {
  private static final long serialVersionUID = 1L;

  private final transient ModelVersion modelVersion;

  /**
   * A failure for {@code modelVersion}, whose status is {@code FAILED_REGISTRATION}.
   *
   * @param modelVersion the version as last polled; its status message ends the exception's message
   */
  public ModelRegistrationFailedException(ModelVersion modelVersion) {
    super("version " + modelVersion.version() + " of model '" + modelVersion.name() + "' could not be registered"
        + modelVersion.statusMessage().filter(m -> !m.isBlank()).map(m -> ": " + m).orElse(""),
        ModelVersionHandle.idOf(modelVersion.name(), modelVersion.version()));
    this.modelVersion = modelVersion;
  }

  /** The version as last seen, with its status and status message. */
  public ModelVersion modelVersion() {
    return modelVersion;
  }
}
