package dev.kiln.genie.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** A Genie space: a curated set of tables, instructions and a warehouse that questions run on. */
@Value.Immutable
@JsonSerialize(as = GenieSpace.class)
@JsonDeserialize(as = GenieSpace.class)
abstract class GenieSpaceDef {
  /** The space's id ({@code space_id}), used in every Genie call about it. */
  @JsonProperty("space_id")
  public abstract String spaceId();

  /** The space's display name. */
  @JsonProperty("title")
  public abstract Optional<String> title();

  /** What the space is for, as its authors wrote it. */
  @JsonProperty("description")
  public abstract Optional<String> description();

  /** The SQL warehouse that runs the space's generated queries. */
  @JsonProperty("warehouse_id")
  public abstract Optional<String> warehouseId();

  /**
   * Changes with every update; pass it to {@link GenieSpaceUpdate#etag()} so an update fails instead of
   * overwriting someone else's change.
   */
  @JsonProperty("etag")
  public abstract Optional<String> etag();

  /** The workspace folder holding the space. */
  @JsonProperty("parent_path")
  public abstract Optional<String> parentPath();

  /** The space's full definition as a JSON string (instructions, tables, samples), when the server sent it. */
  @JsonProperty("serialized_space")
  public abstract Optional<String> serializedSpace();
}
