package dev.kiln.jobs.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** A SQL file a SQL task runs. */
@Value.Immutable
@JsonSerialize(as = SqlTaskFile.class)
@JsonDeserialize(as = SqlTaskFile.class)
abstract class SqlTaskFileDef {
  @JsonProperty("path")
  public abstract String path();

  @JsonProperty("source")
  public abstract Optional<String> source();
}
