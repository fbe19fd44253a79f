package dev.kiln.emulator.internal;

import dev.kiln.emulator.ClusterState;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The workspace's clusters and their state machine: start moves TERMINATED → PENDING → RUNNING, restart
 * RUNNING → RESTARTING → RUNNING, delete (terminate) → TERMINATING → TERMINATED, each transitional state
 * lasting the configured transition time on the workspace clock. Shared by the Clusters and Execution APIs.
 */
final class Clusters {
  private static final String DEFAULT_NAME = "Kiln Local Cluster";
  private static final String STARTING_MESSAGE =
      "Finding instances for new nodes, acquiring more instances if necessary";

  private final Map<String, Cluster> clusters = new ConcurrentHashMap<>();
  private final List<Consumer<String>> stopListeners = new CopyOnWriteArrayList<>();
  private final Clock clock;
  private final Duration transitionTime;
  private final String defaultClusterId;

  Clusters(Clock clock, Duration transitionTime) {
    this.clock = clock;
    this.transitionTime = transitionTime;
    this.defaultClusterId = Ids.clusterId(clock.instant());
    add(defaultClusterId, DEFAULT_NAME, ClusterState.RUNNING, "");
  }

  String defaultClusterId() {
    return defaultClusterId;
  }

  /** Adds or replaces a cluster; a transitional state settles after the transition time (on the clock). */
  void add(String id, String name, ClusterState state, String stateMessage) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(state, "state");
    if (id.isBlank()) {
      throw new IllegalArgumentException("a cluster id must not be blank");
    }
    Cluster cluster = new Cluster(id, name, state, stateMessage == null ? "" : stateMessage, clock, transitionTime);
    Cluster previous = clusters.put(id, cluster);
    if (previous != null) {
      stopListeners.forEach(listener -> listener.accept(id));
    }
  }

  Optional<Cluster> find(String id) {
    return id == null ? Optional.empty() : Optional.ofNullable(clusters.get(id));
  }

  /** As Databricks answers an unknown cluster id: 400 INVALID_PARAMETER_VALUE. */
  Cluster require(String id) {
    return find(id).orElseThrow(() -> ApiException.invalidParameter("Cluster " + id + " does not exist"));
  }

  List<Cluster> all() {
    List<Cluster> list = new ArrayList<>(clusters.values());
    list.sort((a, b) -> a.name().compareTo(b.name()) != 0 ? a.name().compareTo(b.name()) : a.id().compareTo(b.id()));
    return list;
  }

  /** Called with a cluster id whenever a cluster stops running (terminate, restart, replace): its contexts go. */
  void onStop(Consumer<String> listener) {
    stopListeners.add(listener);
  }

  void start(String id) {
    Cluster cluster = require(id);
    synchronized (cluster) {
      if (cluster.state() != ClusterState.TERMINATED) {
        throw unexpectedState(cluster);
      }
      cluster.moveTo(ClusterState.PENDING, STARTING_MESSAGE);
    }
  }

  void restart(String id) {
    Cluster cluster = require(id);
    synchronized (cluster) {
      if (cluster.state() != ClusterState.RUNNING) {
        throw unexpectedState(cluster);
      }
      cluster.moveTo(ClusterState.RESTARTING, "Restarting Spark");
    }
    stopListeners.forEach(listener -> listener.accept(id));
  }

  /** {@code clusters/delete}: terminates (the cluster stays listed as TERMINATED, as on Databricks). */
  void terminate(String id) {
    Cluster cluster = require(id);
    synchronized (cluster) {
      ClusterState state = cluster.state();
      if (state == ClusterState.TERMINATED || state == ClusterState.TERMINATING) {
        return;
      }
      cluster.moveTo(ClusterState.TERMINATING, "Terminating the cluster");
    }
    stopListeners.forEach(listener -> listener.accept(id));
  }

  private static ApiException unexpectedState(Cluster cluster) {
    return ApiException.invalidState(
        "Cluster " + cluster.id() + " is in unexpected state " + Cluster.displayName(cluster.state()) + ".");
  }
}
