package dev.kiln.genie.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code query_result_metadata}: the size of the generated query's result. */
@Value.Immutable
@JsonSerialize(as = GenieQueryResultMetadata.class)
@JsonDeserialize(as = GenieQueryResultMetadata.class)
abstract class GenieQueryResultMetadataDef {
  /** Rows in the result ({@code row_count}), when the server reported it. */
  @JsonProperty("row_count")
  public abstract Optional<Long> rowCount();

  /** Whether the result was cut short ({@code is_truncated}), when the server said. */
  @JsonProperty("is_truncated")
  public abstract Optional<Boolean> isTruncated();
}
