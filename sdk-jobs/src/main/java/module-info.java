/**
 * Kiln Jobs: jobs, runs, run output and run handles (Jobs API 2.2). Only the API and its models are
 * exported; {@code internal} (wire bodies, paging helpers) is not.
 */
module dev.kiln.jobs {
  requires transitive dev.kiln.core;
  requires org.slf4j;
  requires static org.immutables.value.annotations;

  exports dev.kiln.jobs;
  exports dev.kiln.jobs.model;

  // Jackson reads and writes the models and the internal wire bodies by reflection.
  opens dev.kiln.jobs.model to com.fasterxml.jackson.databind;
  opens dev.kiln.jobs.internal to com.fasterxml.jackson.databind;
}
