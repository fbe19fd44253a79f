package dev.kiln.execution;

import dev.kiln.core.error.OperationFailedException;
import dev.kiln.execution.model.ClusterInfo;
import dev.kiln.execution.model.ClusterState;
import dev.kiln.execution.model.TerminationReason;
import java.util.Optional;

/**
 * The cluster did not reach RUNNING: it is in {@code ERROR}/{@code UNKNOWN}, or it terminated while
 * starting. Carries the server's state message and {@code termination_reason}; {@link #operationId()}
 * is the cluster id.
 */
public class ClusterUnavailableException extends OperationFailedException {
  private static final long serialVersionUID = 1L;

  /** The cluster that did not become RUNNING. */
  private final String clusterId;
  /** The typed state when waiting gave up. */
  private final ClusterState state;
  /** The state as sent. */
  private final String rawState;
  /** The server's state message; null when it sent none. */
  private final String stateMessage;
  private final transient TerminationReason terminationReason;

  /**
   * Creates the exception from the cluster as last read; its state, state message and termination
   * reason go into the message.
   *
   * @param cluster the cluster as last read, not null
   * @param what what went wrong, read after "cluster &lt;id&gt;", e.g.
   *     {@code "did not reach RUNNING"}
   */
  public ClusterUnavailableException(ClusterInfo cluster, String what) {
    super("cluster " + cluster.clusterId() + " " + what + " (state " + cluster.rawState() + ")"
        + cluster.stateMessage().filter(m -> !m.isBlank()).map(m -> ": " + m).orElse("")
        + cluster.terminationReason().map(r -> "; termination reason " + r.describe()).orElse(""),
        cluster.clusterId());
    this.clusterId = cluster.clusterId();
    this.state = cluster.state();
    this.rawState = cluster.rawState();
    this.stateMessage = cluster.stateMessage().orElse(null);
    this.terminationReason = cluster.terminationReason().orElse(null);
  }

  /** The cluster that did not become RUNNING; also {@link #operationId()}. */
  public String clusterId() {
    return clusterId;
  }

  /** The cluster's state when waiting gave up, e.g. {@code TERMINATED} or {@code ERROR}. */
  public ClusterState state() {
    return state;
  }

  /** The state exactly as the server sent it (useful when {@link #state()} is {@code UNKNOWN}). */
  public String rawState() {
    return rawState;
  }

  /** The server's explanation ({@code state_message}), e.g. why the cluster failed to start. */
  public Optional<String> stateMessage() {
    return Optional.ofNullable(stateMessage);
  }

  /** The server's {@code termination_reason} (code, type, parameters), when it sent one. */
  public Optional<TerminationReason> terminationReason() {
    return Optional.ofNullable(terminationReason);
  }
}
