package dev.kiln.emulator;

import java.util.List;
import java.util.Map;

/**
 * Direct access to the workspace's SQL engine (an in-memory DuckDB database shared by every warehouse), to
 * seed data before a test or check it afterwards. Spark's {@code range(n)} and {@code `backticks`} work as
 * in statements sent over the API.
 */
public interface LocalSql {
  /** Runs one or more statements separated by {@code ;}. */
  void execute(String sql);

  /** Runs a query; each row maps column name to the JDBC value. */
  List<Map<String, Object>> query(String sql);

  /** Makes {@code name} usable as a catalog, as in {@code name.schema.table} or a statement's {@code catalog}. */
  void createCatalog(String name);
}
