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
  @JsonProperty("total_time_ms")
  public abstract OptionalLong totalTimeMs();

  @JsonProperty("compilation_time_ms")
  public abstract OptionalLong compilationTimeMs();

  @JsonProperty("execution_time_ms")
  public abstract OptionalLong executionTimeMs();

  @JsonProperty("result_fetch_time_ms")
  public abstract OptionalLong resultFetchTimeMs();

  @JsonProperty("rows_produced_count")
  public abstract OptionalLong rowsProducedCount();

  @JsonProperty("rows_read_count")
  public abstract OptionalLong rowsReadCount();

  @JsonProperty("read_bytes")
  public abstract OptionalLong readBytes();

  @JsonProperty("read_files_count")
  public abstract OptionalLong readFilesCount();

  @JsonProperty("spill_to_disk_bytes")
  public abstract OptionalLong spillToDiskBytes();

  @JsonProperty("result_from_cache")
  public abstract Optional<Boolean> resultFromCache();
}
