package dev.kiln.benchmarks;

/** What one read of the result produced, and how long its two phases took. */
final class ReadRun {
  final String statementId;
  final long rows;
  final long checksum;
  /** From sending the statement until the call that runs it returned (server-side query and first answer). */
  final long submitNanos;
  /** From then until the last row was read: chunk fetches, downloads, parsing, typed reads. */
  final long readNanos;
  /** The result's size as the manifest states it (JSON bytes), or -1 when not known. */
  final long resultBytes;
  /** JVM process CPU nanoseconds of the read phase (after the statement call; the emulator's rendering excluded). */
  final long readCpuNanos;
  /** Chunks the result came in, as the manifest states it, or -1 when the reader does not report it. */
  final int chunks;

  ReadRun(String statementId, long rows, long checksum, long submitNanos, long readNanos, long resultBytes,
      long readCpuNanos) {
    this(statementId, rows, checksum, submitNanos, readNanos, resultBytes, readCpuNanos, -1);
  }

  ReadRun(String statementId, long rows, long checksum, long submitNanos, long readNanos, long resultBytes,
      long readCpuNanos, int chunks) {
    this.statementId = statementId;
    this.rows = rows;
    this.checksum = checksum;
    this.submitNanos = submitNanos;
    this.readNanos = readNanos;
    this.resultBytes = resultBytes;
    this.readCpuNanos = readCpuNanos;
    this.chunks = chunks;
  }

  long totalNanos() {
    return submitNanos + readNanos;
  }
}
