package dev.kiln.genie.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The fields of a space to change ({@code PATCH /api/2.0/genie/spaces/{id}}); unset fields stay as they
 * are. {@code GenieSpaceUpdate.builder().title("Sales").etag(space.etag().get()).build()}.
 */
@Value.Immutable
@JsonSerialize(as = GenieSpaceUpdate.class)
abstract class GenieSpaceUpdateDef {
  /** The new title; unchanged when absent. */
  @JsonProperty("title")
  public abstract Optional<String> title();

  /** The new description; unchanged when absent. */
  @JsonProperty("description")
  public abstract Optional<String> description();

  /** The SQL warehouse that should run the space's queries from now on; unchanged when absent. */
  @JsonProperty("warehouse_id")
  public abstract Optional<String> warehouseId();

  /** A full replacement of the space's definition, in the shape {@link GenieSpace#serializedSpace()} has. */
  @JsonProperty("serialized_space")
  public abstract Optional<String> serializedSpace();

  /** Moves the space under this workspace folder. */
  @JsonProperty("parent_path")
  public abstract Optional<String> parentPath();

  /** When set, the update fails if the space changed since the read that returned this etag. */
  @JsonProperty("etag")
  public abstract Optional<String> etag();
}
