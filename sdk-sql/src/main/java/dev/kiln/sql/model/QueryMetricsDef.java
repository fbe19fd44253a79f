package dev.kiln.sql.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/** How a query ran ({@code metrics}, sent only with {@code include_metrics}); times in ms, sizes in bytes. */
@Value.Immutable
@JsonSerialize(as = QueryMetrics.class)
@JsonDeserialize(as = QueryMetrics.class)
abstract class QueryMetricsDef {
  /** Total time the query took, in milliseconds. */
  @JsonProperty("total_time_ms")
  public abstract OptionalLong totalTimeMs();

  /** Time spent parsing and planning, in milliseconds. */
  @JsonProperty("compilation_time_ms")
  public abstract OptionalLong compilationTimeMs();

  /** Time spent executing, in milliseconds (result fetching not included). */
  @JsonProperty("execution_time_ms")
  public abstract OptionalLong executionTimeMs();

  /** Time spent delivering the result to the client, in milliseconds. */
  @JsonProperty("result_fetch_time_ms")
  public abstract OptionalLong resultFetchTimeMs();

  /** Rows returned or written. */
  @JsonProperty("rows_produced_count")
  public abstract OptionalLong rowsProducedCount();

  /** Rows read from tables. */
  @JsonProperty("rows_read_count")
  public abstract OptionalLong rowsReadCount();

  /** Bytes read from tables, in bytes. */
  @JsonProperty("read_bytes")
  public abstract OptionalLong readBytes();

  /** Files read from tables, after pruning. */
  @JsonProperty("read_files_count")
  public abstract OptionalLong readFilesCount();

  /** Bytes spilled to disk for want of memory; large values point at an undersized warehouse. */
  @JsonProperty("spill_to_disk_bytes")
  public abstract OptionalLong spillToDiskBytes();

  /** Whether the result came from the query result cache instead of being computed. */
  @JsonProperty("result_from_cache")
  public abstract Optional<Boolean> resultFromCache();
}
