package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.emulator.ClusterState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * One emulated all-purpose cluster and its state. A transitional state (PENDING, RESTARTING, RESIZING,
 * TERMINATING) ends once the workspace clock has moved the transition time past it; the state is settled when
 * it is read, so a test clock decides when a cluster is up, without timers or waiting.
 */
final class Cluster {
  private final String id;
  private final String name;
  private final Clock clock;
  private final Duration transitionTime;
  private final Instant createdAt;
  private ClusterState state;
  private String stateMessage;
  private Instant startedAt;
  private Instant terminatedAt;
  private Instant settlesAt; // when the transitional state ends; null in a steady state

  Cluster(String id, String name, ClusterState state, String stateMessage, Clock clock, Duration transitionTime) {
    this.id = id;
    this.name = name;
    this.clock = clock;
    this.transitionTime = transitionTime;
    this.createdAt = clock.instant();
    this.state = state;
    this.stateMessage = stateMessage;
    this.startedAt = createdAt;
    this.terminatedAt = state == ClusterState.TERMINATED ? createdAt : null;
    this.settlesAt = state.isTransitional() ? createdAt.plus(transitionTime) : null;
  }

  String id() {
    return id;
  }

  String name() {
    return name;
  }

  synchronized ClusterState state() {
    settleIfDue();
    return state;
  }

  synchronized String stateMessage() {
    settleIfDue();
    return stateMessage;
  }

  /** Moves to {@code next}; a transitional state ends the transition time from now. */
  synchronized void moveTo(ClusterState next, String message) {
    settleIfDue();
    moveTo(next, message, clock.instant());
  }

  private void moveTo(ClusterState next, String message, Instant now) {
    state = next;
    stateMessage = message;
    if (next == ClusterState.PENDING || next == ClusterState.RESTARTING) {
      startedAt = now;
    }
    terminatedAt = next == ClusterState.TERMINATED ? now : null;
    settlesAt = next.isTransitional() ? now.plus(transitionTime) : null;
  }

  /** Ends a transitional state whose time is up, stamped with the moment it ended. */
  private void settleIfDue() {
    if (settlesAt != null && !clock.instant().isBefore(settlesAt)) {
      moveTo(state == ClusterState.TERMINATING ? ClusterState.TERMINATED : ClusterState.RUNNING, "", settlesAt);
    }
  }

  /** "Running", as Databricks writes states in messages. */
  static String displayName(ClusterState state) {
    String lower = state.name().toLowerCase(Locale.ROOT);
    return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
  }

  synchronized ObjectNode toJson() {
    settleIfDue();
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
