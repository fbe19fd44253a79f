package dev.kiln.benchmarks;

/** One way of running the benchmark query and reading every row of its result with typed values. */
interface ResultReader {
  /** Short label for the table. */
  String name();

  /** Runs {@code query} and reads every row; {@code probe} is null in timed runs. */
  ReadRun read(BenchQuery query, HeapProbe probe) throws Exception;
}
