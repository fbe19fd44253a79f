/**
 * SQL Statement Execution, the Queries API, query history and SQL warehouses; see
 * {@link dev.kiln.sql.SqlClient} and {@link dev.kiln.sql.WarehousesClient}.
 */
module dev.kiln.sql {
  requires transitive dev.kiln.core;
  requires org.slf4j;
  requires org.apache.arrow.format;
  requires static org.immutables.value.annotations;

  exports dev.kiln.sql;
  exports dev.kiln.sql.model;

  opens dev.kiln.sql.model to com.fasterxml.jackson.databind;
  opens dev.kiln.sql.internal to com.fasterxml.jackson.databind;
}
