package dev.kiln.execution;

import dev.kiln.core.error.DatabricksException;
import dev.kiln.execution.model.ClusterInfo;
import dev.kiln.execution.model.ClusterState;
import java.util.Optional;

/** The cluster cannot run commands: it is in {@code ERROR}/{@code UNKNOWN} or stopped while starting. */
public class ClusterUnavailableException extends DatabricksException {
  private static final long serialVersionUID = 1L;

  private final String clusterId;
  private final ClusterState state;
  private final String rawState;
  private final String stateMessage;

  public ClusterUnavailableException(ClusterInfo cluster, String what) {
    super("cluster " + cluster.clusterId() + " " + what + " (state " + cluster.rawState() + ")"
        + cluster.stateMessage().filter(m -> !m.isBlank()).map(m -> ": " + m).orElse(""));
    this.clusterId = cluster.clusterId();
    this.state = cluster.state();
    this.rawState = cluster.rawState();
    this.stateMessage = cluster.stateMessage().orElse(null);
  }

  public String clusterId() {
    return clusterId;
  }

  public ClusterState state() {
    return state;
  }

  public String rawState() {
    return rawState;
  }

  /** The server's explanation ({@code state_message}), e.g. why the cluster failed to start. */
  public Optional<String> stateMessage() {
    return Optional.ofNullable(stateMessage);
  }
}
