package dev.kiln.benchmarks;

import dev.kiln.sql.Row;
import dev.kiln.sql.SqlClient;
import dev.kiln.sql.StatementResult;
import dev.kiln.sql.model.Disposition;
import dev.kiln.sql.model.Format;
import dev.kiln.sql.model.StatementRequest;
import java.time.Duration;

/** Kiln as its README shows it: one {@code execute}, then {@code result.rows()} with typed getters. */
final class KilnReader implements ResultReader {
  private final SqlClient sql;
  private final String warehouseId;
  private final Disposition disposition;

  KilnReader(SqlClient sql, String warehouseId, Disposition disposition) {
    this.sql = sql;
    this.warehouseId = warehouseId;
    this.disposition = disposition;
  }

  @Override
  public String name() {
    return "Kiln SqlClient (" + sql.options().downloadParallelism() + " parallel, "
        + sql.options().maxBufferedChunks() + " buffered)";
  }

  @Override
  public ReadRun read(String statement, HeapProbe probe) {
    StatementRequest request = StatementRequest.builder()
        .warehouseId(warehouseId)
        .statement(statement)
        .disposition(disposition)
        .format(Format.JSON_ARRAY)
        .waitTimeout(Duration.ofSeconds(50))
        .build();
    long start = System.nanoTime();
    try (StatementResult result = sql.execute(request)) {
      long submitted = System.nanoTime();
      if (probe != null) {
        probe.afterSubmit();
      }
      long rows = 0;
      long checksum = 0;
      for (Row row : result.rows()) {
        checksum += BenchTable.rowHash(row.getLong(0), row.getLong(1), row.getDouble(2), row.getString(3));
        if (probe != null) {
          probe.atRow(rows);
        }
        rows++;
      }
      long done = System.nanoTime();
      long bytes = result.response().manifest().map(m -> m.totalByteCount().orElse(-1L)).orElse(-1L);
      return new ReadRun(result.statementId(), rows, checksum, submitted - start, done - submitted, bytes);
    }
  }
}
