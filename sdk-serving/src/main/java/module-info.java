/**
 * Kiln Model Serving: serving endpoints, model invocations, chat/completions/embeddings and streamed
 * chat. Only the API and its models are exported; {@code internal} (wire bodies, the SSE parser) is
 * not.
 */
module dev.kiln.serving {
  requires transitive dev.kiln.core;
  requires org.slf4j;
  requires static org.immutables.value.annotations;

  exports dev.kiln.serving;
  exports dev.kiln.serving.model;

  // Jackson reads and writes the models and the internal wire bodies by reflection.
  opens dev.kiln.serving.model to com.fasterxml.jackson.databind;
  opens dev.kiln.serving.internal to com.fasterxml.jackson.databind;
}
