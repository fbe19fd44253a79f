package dev.kiln.serving.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.kiln.core.error.InvalidRequestException;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A model to serve when creating an endpoint, e.g. a Unity Catalog model version:
 * {@code ServedEntityInput.builder().entityName("main.fin.bir_tax").entityVersion("3")
 * .workloadSize("Small").scaleToZeroEnabled(true).build()}.
 */
@Value.Immutable
@JsonSerialize(as = ServedEntityInput.class)
@JsonDeserialize(as = ServedEntityInput.class)
abstract class ServedEntityInputDef {
  /** Name of the served entity within the endpoint; the server derives one when absent. */
  @JsonProperty("name")
  public abstract Optional<String> name();

  /** e.g. a Unity Catalog model {@code catalog.schema.model}. */
  @JsonProperty("entity_name")
  public abstract String entityName();

  /** The model version to serve; required by the server for Unity Catalog and registered models. */
  @JsonProperty("entity_version")
  public abstract Optional<String> entityVersion();

  /** {@code Small}, {@code Medium} or {@code Large} (text: the server defines the set). */
  @JsonProperty("workload_size")
  public abstract Optional<String> workloadSize();

  /** The compute type, e.g. {@code CPU} (the server's default when absent) or {@code GPU_SMALL}. */
  @JsonProperty("workload_type")
  public abstract Optional<String> workloadType();

  /**
   * Whether the entity may scale down to no compute when idle; the server's default (off) when
   * absent.
   */
  @JsonProperty("scale_to_zero_enabled")
  public abstract Optional<Boolean> scaleToZeroEnabled();

  /**
   * Rejects an entity without a name to serve, when it is built.
   *
   * @throws dev.kiln.core.error.InvalidRequestException for a blank entity name
   */
  @Value.Check
  protected void check() {
    if (entityName().isBlank()) {
      throw new InvalidRequestException("a served entity needs an entity_name, e.g. main.default.my_model");
    }
  }
}
