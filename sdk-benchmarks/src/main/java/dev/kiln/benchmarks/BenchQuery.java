package dev.kiln.benchmarks;

/** A benchmark query: the mixed table (3 numbers and a string per row) or the numeric-only one. */
final class BenchQuery {
  static final BenchQuery MIXED = new BenchQuery(BenchTable.QUERY, false, "mixed: " + BenchTable.COLUMNS);
  static final BenchQuery NUMERIC =
      new BenchQuery(BenchTable.NUMERIC_QUERY, true, "numeric: " + BenchTable.NUMERIC_COLUMNS);

  final String sql;
  /** The fourth column is {@code quad BIGINT} instead of {@code label STRING}. */
  final boolean numeric;
  final String label;

  private BenchQuery(String sql, boolean numeric, String label) {
    this.sql = sql;
    this.numeric = numeric;
    this.label = label;
  }

  long expectedChecksum(int rows) {
    return numeric ? BenchTable.expectedNumericChecksum(rows) : BenchTable.expectedChecksum(rows);
  }
}
