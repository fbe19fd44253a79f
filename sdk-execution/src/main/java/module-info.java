/**
 * Kiln execution: contexts and commands on all-purpose clusters (API 1.2) and the Clusters API
 * (2.1). {@code internal} is not exported; Jackson reads the models and wire
 * bodies by reflection.
 */
module dev.kiln.execution {
  requires transitive dev.kiln.core;
  requires org.slf4j;
  requires static org.immutables.value.annotations;

  exports dev.kiln.execution;
  exports dev.kiln.execution.model;

  opens dev.kiln.execution.model to com.fasterxml.jackson.databind;
  opens dev.kiln.execution.internal to com.fasterxml.jackson.databind;
}
