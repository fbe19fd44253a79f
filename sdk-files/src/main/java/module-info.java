/**
 * Kiln Files: DBFS, workspace objects and Unity Catalog volume files, with streamed transfers. Only
 * the API and its models are exported; {@code internal} (wire bodies, streams, path checks) is not.
 */
module dev.kiln.files {
  requires transitive dev.kiln.core;
  requires org.slf4j;
  requires static org.immutables.value.annotations;

  exports dev.kiln.files;
  exports dev.kiln.files.model;

  // Jackson reads and writes the models and the internal wire bodies by reflection.
  opens dev.kiln.files.model to com.fasterxml.jackson.databind;
  opens dev.kiln.files.internal to com.fasterxml.jackson.databind;
}
