/**
 * Kiln core: the client, configuration, credentials, errors and the listener API. {@code spi} is
 * shared machinery for Kiln's own API modules only.
 */
module dev.kiln.core {
  requires transitive java.net.http;
  requires transitive com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.datatype.jdk8;
  requires com.fasterxml.jackson.datatype.jsr310;
  requires org.slf4j;
  requires static org.immutables.value.annotations;

  exports dev.kiln.core;
  exports dev.kiln.core.auth;
  exports dev.kiln.core.error;
  exports dev.kiln.core.spi to
      dev.kiln.sql, dev.kiln.execution, dev.kiln.serving, dev.kiln.vectorsearch, dev.kiln.genie,
      dev.kiln.jobs, dev.kiln.files;

  opens dev.kiln.core.auth to com.fasterxml.jackson.databind;
}
