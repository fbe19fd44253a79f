package dev.kiln.serving.model;

import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.serving.internal.EndpointNames;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What {@code ServingClient.createEndpoint} sends: an endpoint name and the entities to serve. It
 * goes over the wire as {@code {name, config: {served_entities: [...]}, tags, route_optimized}}.
 */
@Value.Immutable
abstract class CreateEndpointRequestDef {
  /** 1 to 63 characters: letters, digits, '-' and '_'. */
  public abstract String name();

  /** The models or functions the endpoint serves; at least one. */
  public abstract List<ServedEntityInput> servedEntities();

  /** Tags set on the endpoint when it is created; none when empty. */
  public abstract List<EndpointTag> tags();

  /**
   * Whether the endpoint answers on its own data-plane URL (lower latency); the server's default
   * (off) when absent.
   */
  public abstract Optional<Boolean> routeOptimized();

  /**
   * Rejects a request the server would refuse, when it is built.
   *
   * @throws dev.kiln.core.error.InvalidRequestException for a bad name or no served entity
   */
  @Value.Check
  protected void check() {
    EndpointNames.check(name(), "name");
    if (servedEntities().isEmpty()) {
      throw new InvalidRequestException("endpoint '" + name() + "' needs at least one served entity: call addServedEntities(...)");
    }
  }
}
