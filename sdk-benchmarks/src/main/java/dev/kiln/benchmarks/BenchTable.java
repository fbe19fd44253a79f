package dev.kiln.benchmarks;

/**
 * The benchmark table, {@code bench_rows}: {@code id BIGINT, triple BIGINT, eighth DOUBLE, label STRING}, one
 * row per {@code id} in {@code range(rows)}. Every reader folds each row's typed values into an
 * order-independent checksum, which must equal {@link #expectedChecksum}.
 */
final class BenchTable {
  static final String NAME = "bench_rows";
  static final String QUERY = "SELECT id, triple, eighth, label FROM " + NAME;
  static final String COLUMNS = "id BIGINT, triple BIGINT, eighth DOUBLE, label STRING";
  static final String NUMERIC_NAME = "bench_numeric";
  static final String NUMERIC_QUERY = "SELECT id, triple, eighth, quad FROM " + NUMERIC_NAME;
  static final String NUMERIC_COLUMNS = "id BIGINT, triple BIGINT, eighth DOUBLE, quad BIGINT";

  private BenchTable() {}

  /** Spark-style SQL (the emulator maps {@code range(n)} to its engine). */
  static String createStatement(int rows) {
    return "CREATE OR REPLACE TABLE " + NAME + " AS SELECT id, id * 3 AS triple, CAST(id AS DOUBLE) / 8 AS eighth,"
        + " concat('row-', CAST(id AS STRING)) AS label FROM range(" + rows + ")";
  }

  /** The numeric-only table: the label replaced by {@code quad = id * 4}. */
  static String createNumericStatement(int rows) {
    return "CREATE OR REPLACE TABLE " + NUMERIC_NAME + " AS SELECT id, id * 3 AS triple,"
        + " CAST(id AS DOUBLE) / 8 AS eighth, id * 4 AS quad FROM range(" + rows + ")";
  }

  static long numericHash(long id, long triple, double eighth, long quad) {
    long h = id * 31 + triple;
    h = h * 31 + Double.doubleToLongBits(eighth);
    return h * 31 + Long.hashCode(quad);
  }

  static long expectedNumericChecksum(int rows) {
    long sum = 0;
    for (long id = 0; id < rows; id++) {
      sum += numericHash(id, id * 3, id / 8.0, id * 4);
    }
    return sum;
  }

  static long rowHash(long id, long triple, double eighth, String label) {
    long h = id * 31 + triple;
    h = h * 31 + Double.doubleToLongBits(eighth);
    return h * 31 + label.hashCode();
  }

  static long expectedChecksum(int rows) {
    long sum = 0;
    for (long id = 0; id < rows; id++) {
      sum += rowHash(id, id * 3, id / 8.0, "row-" + id);
    }
    return sum;
  }
}
