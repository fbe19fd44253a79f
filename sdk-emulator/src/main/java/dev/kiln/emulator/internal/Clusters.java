package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * lasting the configured transition time on the workspace clock; create (→ PENDING), edit (RUNNING restarts) and
 * resize (RUNNING → RESIZING → RUNNING) change the spec. Shared by the Clusters and Execution APIs.
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
    put(new Cluster(id, ClusterSpecs.seeded(name), state, stateMessage == null ? "" : stateMessage, clock, transitionTime));
  }

  private void put(Cluster cluster) {
    Cluster previous = clusters.put(cluster.id(), cluster);
    if (previous != null) {
      stopListeners.forEach(listener -> listener.accept(cluster.id()));
    }
  }

  /** {@code clusters/create}: a new cluster from a checked spec, PENDING until the transition time has passed. */
  String create(ObjectNode spec) {
    String id = Ids.clusterId(clock.instant());
    spec.put("cluster_source", "API");
    put(new Cluster(id, spec, ClusterState.PENDING, STARTING_MESSAGE, clock, transitionTime));
    return id;
  }

  /**
   * {@code clusters/edit}: a RUNNING cluster restarts with the new spec, a TERMINATED one keeps it for its next
   * start; other states are INVALID_STATE.
   */
  void edit(String id, ObjectNode spec) {
    Cluster cluster = require(id);
    boolean restart;
    synchronized (cluster) {
      ClusterState state = cluster.state();
      if (state != ClusterState.RUNNING && state != ClusterState.TERMINATED) {
        throw unexpectedState(cluster);
      }
      spec.put("cluster_source", cluster.spec().path("cluster_source").asText("UI"));
      cluster.respec(spec, "EDITED", Json.object().put("user", LocalIdentity.USER_NAME));
      restart = state == ClusterState.RUNNING;
      if (restart) {
        cluster.moveTo(ClusterState.RESTARTING, "Restarting Spark to apply the new configuration");
      }
    }
    if (restart) {
      stopListeners.forEach(listener -> listener.accept(id));
    }
  }

  /** {@code clusters/resize}: a RUNNING cluster gets {@code size} (num_workers or autoscale) and is RESIZING a while. */
  void resize(String id, ObjectNode size) {
    Cluster cluster = require(id);
    synchronized (cluster) {
      if (cluster.state() != ClusterState.RUNNING) {
        throw unexpectedState(cluster);
      }
      ObjectNode spec = cluster.spec();
      spec.remove("num_workers");
      spec.remove("autoscale");
      spec.setAll(size);
      ObjectNode details = Json.object().put("user", LocalIdentity.USER_NAME);
      if (size.has("num_workers")) {
        details.put("target_num_workers", size.path("num_workers").asInt());
      }
      cluster.respec(spec, "RESIZING", details);
      cluster.moveTo(ClusterState.RESIZING, "Resizing the cluster");
    }
  }

  /** {@code clusters/permanent-delete}: terminates and forgets the cluster; later calls naming it are 400s. */
  void permanentDelete(String id) {
    require(id);
    clusters.remove(id);
    stopListeners.forEach(listener -> listener.accept(id));
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
