package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.emulator.ClusterState;
import java.time.Instant;
import java.util.Locale;

/**
 * One emulated all-purpose cluster and its state. Every change bumps a generation number, so a delayed
 * transition scheduled for an earlier state ({@link #settle}) cannot overwrite a newer one.
 */
final class Cluster {
  private final String id;
  private final String name;
  private final Instant createdAt;
  private ClusterState state;
  private String stateMessage;
  private Instant startedAt;
  private Instant terminatedAt;
  private long generation;

  Cluster(String id, String name, ClusterState state, String stateMessage, Instant now) {
    this.id = id;
    this.name = name;
    this.createdAt = now;
    this.state = state;
    this.stateMessage = stateMessage;
    this.startedAt = now;
    this.terminatedAt = state == ClusterState.TERMINATED ? now : null;
  }

  String id() {
    return id;
  }

  String name() {
    return name;
  }

  synchronized ClusterState state() {
    return state;
  }

  synchronized String stateMessage() {
    return stateMessage;
  }

  synchronized long generation() {
    return generation;
  }

  /** Moves to {@code next} and returns the new generation. */
  synchronized long moveTo(ClusterState next, String message, Instant now) {
    state = next;
    stateMessage = message;
    if (next == ClusterState.PENDING || next == ClusterState.RESTARTING) {
      startedAt = now;
    }
    terminatedAt = next == ClusterState.TERMINATED ? now : null;
    return ++generation;
  }

  /** Ends a transitional state, unless the cluster changed since {@code expectedGeneration}. */
  synchronized boolean settle(long expectedGeneration, Instant now) {
    if (generation != expectedGeneration || !state.isTransitional()) {
      return false;
    }
    moveTo(state == ClusterState.TERMINATING ? ClusterState.TERMINATED : ClusterState.RUNNING, "", now);
    return true;
  }

  /** "Running", as Databricks writes states in messages. */
  static String displayName(ClusterState state) {
    String lower = state.name().toLowerCase(Locale.ROOT);
    return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
  }

  synchronized ObjectNode toJson() {
    ObjectNode json = Json.object();
    json.put("cluster_id", id);
    json.put("cluster_name", name);
    json.put("spark_version", "15.4.x-scala2.12");
    json.put("node_type_id", "i3.xlarge");
    json.put("driver_node_type_id", "i3.xlarge");
    json.put("num_workers", 0);
    json.put("autotermination_minutes", 120);
    json.put("state", state.name());
    json.put("state_message", stateMessage);
    json.put("start_time", startedAt.toEpochMilli());
    if (terminatedAt != null) {
      json.put("terminated_time", terminatedAt.toEpochMilli());
      json.putObject("termination_reason").put("code", "USER_REQUEST").put("type", "SUCCESS");
    }
    json.put("creator_user_name", LocalIdentity.USER_NAME);
    json.put("single_user_name", LocalIdentity.USER_NAME);
    json.put("data_security_mode", "SINGLE_USER");
    json.put("cluster_source", "UI");
    json.put("spark_context_id", createdAt.toEpochMilli());
    json.put("cluster_memory_mb", 31_232);
    json.put("cluster_cores", 4.0);
    json.putObject("spark_conf").put("spark.master", "local[*, 4]");
    ObjectNode tags = json.putObject("default_tags");
    tags.put("Vendor", "Databricks");
    tags.put("Creator", LocalIdentity.USER_NAME);
    tags.put("ClusterName", name);
    tags.put("ClusterId", id);
    return json;
  }
}
