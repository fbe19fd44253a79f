package dev.kiln.emulator;

import java.util.List;
import java.util.Map;

/**
 * Direct access to the workspace's SQL engine (an in-memory DuckDB database shared by every warehouse), to
 * seed data before a test or check it afterwards. The text is Spark SQL, translated as statements sent over the
 * API are: {@code `backticks`} quote names, {@code "double quotes"} are strings, catalog {@code main} with schema
 * {@code default} is where unqualified names live, and {@code USE}, {@code SHOW}, {@code DESCRIBE}, {@code
 * CREATE CATALOG} and Spark's functions work.
 */
public interface LocalSql {
  /** Runs one or more statements separated by {@code ;}; a {@code USE} holds until the end of the text. */
  void execute(String sql);

  /** Runs a query; each row maps column name to the JDBC value. */
  List<Map<String, Object>> query(String sql);

  /** Makes {@code name} usable as a catalog, as in {@code name.schema.table} or a statement's {@code catalog}. */
  void createCatalog(String name);
}
