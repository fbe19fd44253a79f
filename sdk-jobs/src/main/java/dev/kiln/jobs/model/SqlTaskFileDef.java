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
  /** The SQL file's path ({@code path}): absolute in the workspace, relative in a Git source. */
  @JsonProperty("path")
  public abstract String path();

  /**
   * Where {@link #path()} is ({@code source}): {@code WORKSPACE} or {@code GIT}; the server picks
   * from {@code git_source} when absent.
   */
  @JsonProperty("source")
  public abstract Optional<String> source();
}
