package dev.kiln.serving;

import dev.kiln.core.error.OperationFailedException;
import dev.kiln.serving.model.EndpointConfig;
import dev.kiln.serving.model.ServedEntity;
import dev.kiln.serving.model.ServingEndpoint;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A serving endpoint's configuration could not be deployed ({@code config_update} is
 * {@code UPDATE_FAILED} or {@code UPDATE_CANCELED}). The message carries each served entity's
 * deployment message; {@link #endpoint()} is the state that reported it.
 */
public class EndpointDeploymentFailedException extends OperationFailedException {
  private static final long serialVersionUID = 1L;

  /** The endpoint state that reported the failure; transient, so null after deserialization. */
  private final transient ServingEndpoint endpoint;

  /**
   * Creates the exception from the endpoint state that reported the failed update; the message
   * lists each served entity's deployment message.
   */
  public EndpointDeploymentFailedException(ServingEndpoint endpoint) {
    super(describe(endpoint), endpoint.name());
    this.endpoint = endpoint;
  }

  /**
   * The endpoint as last polled, whose served entities say why the deployment failed; null only
   * after the exception was deserialized.
   */
  public ServingEndpoint endpoint() {
    return endpoint;
  }

  private static String describe(ServingEndpoint e) {
    String entities = Stream.concat(entities(e.pendingConfig()), entities(e.config()))
        .filter(s -> s.state().flatMap(st -> st.deploymentStateMessage()).isPresent())
        .map(s -> s.name().or(s::entityName).orElse("?") + ": "
            + s.state().flatMap(st -> st.deployment()).orElse("?") + ": "
            + s.state().flatMap(st -> st.deploymentStateMessage()).orElse(""))
        .distinct()
        .collect(Collectors.joining("; "));
    return "serving endpoint '" + e.name() + "' could not be deployed (config_update="
        + e.rawConfigUpdate().orElse("?") + ")" + (entities.isEmpty() ? "" : ": " + entities);
  }

  private static Stream<ServedEntity> entities(Optional<EndpointConfig> config) {
    return config.map(EndpointConfig::servedEntities).orElse(List.of()).stream();
  }
}
