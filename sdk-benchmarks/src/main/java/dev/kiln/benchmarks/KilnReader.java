package dev.kiln.benchmarks;

import dev.kiln.sql.Row;
import dev.kiln.sql.SqlClient;
import dev.kiln.sql.StatementResult;
import dev.kiln.sql.model.Disposition;
import dev.kiln.sql.model.Format;
import dev.kiln.sql.model.ResultCompression;
import dev.kiln.sql.model.StatementRequest;
import java.time.Duration;

/** Kiln as its README shows it: one {@code execute}, then {@code result.rows()} with typed getters. */
final class KilnReader implements ResultReader {
  private final SqlClient sql;
  private final String warehouseId;
  private final Disposition disposition;
  private final Format format;
  /** Null: sdk-sql's default (LZ4_FRAME for ARROW_STREAM links). */
  private final ResultCompression compression;

  KilnReader(SqlClient sql, String warehouseId, Disposition disposition, Format format) {
    this(sql, warehouseId, disposition, format, null);
  }

  KilnReader(SqlClient sql, String warehouseId, Disposition disposition, Format format, ResultCompression compression) {
    this.sql = sql;
    this.warehouseId = warehouseId;
    this.disposition = disposition;
    this.format = format;
    this.compression = compression;
  }

  /**
   * E.g. {@code Kiln JSON_ARRAY (64 MiB budget, 16 parallel)}; ARROW_STREAM is requested LZ4_FRAME-compressed
   * ({@code Kiln ARROW_STREAM+LZ4}) unless compression is NONE ({@code Kiln ARROW_STREAM, no compression}).
   */
  @Override
  public String name() {
    String variant = format != Format.ARROW_STREAM ? format.name()
        : compression == ResultCompression.NONE ? "ARROW_STREAM, no compression" : "ARROW_STREAM+LZ4";
    return "Kiln " + variant + " (" + (sql.options().resultMemoryBudget() >> 20) + " MiB budget, "
        + sql.options().downloadParallelism() + " parallel)";
  }

  @Override
  public ReadRun read(BenchQuery query, HeapProbe probe) {
    StatementRequest request = StatementRequest.builder()
        .warehouseId(warehouseId)
        .statement(query.sql)
        .disposition(disposition)
        .format(format)
        .waitTimeout(Duration.ofSeconds(50))
        .resultCompression(java.util.Optional.ofNullable(compression))
        .build();
    long start = System.nanoTime();
    try (StatementResult result = sql.execute(request)) {
      long submitted = System.nanoTime();
      long cpuAtSubmit = SqlResultBenchmark.processCpuNanos();
      if (probe != null) {
        probe.afterSubmit();
      }
      long rows = 0;
      long checksum = 0;
      for (Row row : result.rows()) {
        checksum += query.numeric
            ? BenchTable.numericHash(row.getLong(0), row.getLong(1), row.getDouble(2), row.getLong(3))
            : BenchTable.rowHash(row.getLong(0), row.getLong(1), row.getDouble(2), row.getString(3));
        if (probe != null) {
          probe.atRow(rows);
        }
        rows++;
      }
      long done = System.nanoTime();
      long readCpu = SqlResultBenchmark.processCpuNanos() - cpuAtSubmit;
      long bytes = result.response().manifest().map(m -> m.totalByteCount().orElse(-1L)).orElse(-1L);
      int chunks = result.response().manifest().map(m -> m.totalChunkCount().orElse(-1)).orElse(-1);
      return new ReadRun(result.statementId(), rows, checksum, submitted - start, done - submitted, bytes, readCpu,
          chunks);
    }
  }
}
