/**
 * Kiln's Genie client: ask a space a question, wait for the answer, read its query's rows through
 * sdk-sql. {@code internal} holds wire DTOs and is not exported.
 */
module dev.kiln.genie {
  requires transitive dev.kiln.core;
  requires transitive dev.kiln.sql;
  requires static org.immutables.value.annotations;

  exports dev.kiln.genie;
  exports dev.kiln.genie.model;

  // Jackson builds the models and the wire DTOs by reflection
  opens dev.kiln.genie.model to com.fasterxml.jackson.databind;
  opens dev.kiln.genie.internal to com.fasterxml.jackson.databind;
}
