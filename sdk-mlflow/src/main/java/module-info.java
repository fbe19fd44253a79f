/**
 * Kiln MLflow: experiments, runs (metrics, params, tags), metric history and the workspace model
 * registry. Only the API and its models are exported; {@code internal} (wire bodies, chunking) is
 * not.
 */
module dev.kiln.mlflow {
  requires transitive dev.kiln.core;
  requires org.slf4j;
  requires static org.immutables.value.annotations;

  exports dev.kiln.mlflow;
  exports dev.kiln.mlflow.model;

  // Jackson reads and writes the models and the internal wire bodies by reflection.
  opens dev.kiln.mlflow.model to com.fasterxml.jackson.databind;
  opens dev.kiln.mlflow.internal to com.fasterxml.jackson.databind;
}
