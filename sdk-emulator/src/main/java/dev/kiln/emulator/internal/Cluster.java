package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.emulator.ClusterState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One emulated all-purpose cluster: its spec (as created or last edited) and its state. A transitional state
 * (PENDING, RESTARTING, RESIZING, TERMINATING) ends once the workspace clock has moved the transition time past
 * it; the state is settled when it is read, so a test clock decides when a cluster is up, without timers or
 * waiting. Each change is written to the cluster's event log, stamped with the moment it happened.
 */
final class Cluster {
  private final String id;
  private final Clock clock;
  private final Duration transitionTime;
  private final Instant createdAt;
  private final List<ObjectNode> events = new ArrayList<>();
  private ObjectNode spec;
  private ClusterState state;
  private String stateMessage;
  private Instant startedAt;
  private Instant terminatedAt;
  private String terminationCode = "USER_REQUEST";
  private Instant settlesAt; // when the transitional state ends; null in a steady state

  Cluster(String id, ObjectNode spec, ClusterState state, String stateMessage, Clock clock, Duration transitionTime) {
    this.id = id;
    this.spec = spec;
    this.clock = clock;
    this.transitionTime = transitionTime;
    this.createdAt = clock.instant();
    this.state = state;
    this.stateMessage = stateMessage;
    this.startedAt = createdAt;
    this.terminatedAt = state == ClusterState.TERMINATED ? createdAt : null;
    this.settlesAt = state.isTransitional() ? createdAt.plus(transitionTime) : null;
    event(createdAt, "CREATING", Json.object().put("user", LocalIdentity.USER_NAME));
  }

  String id() {
    return id;
  }

  synchronized String name() {
    return spec.path("cluster_name").asText("");
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

  /** Replaces the spec (edit, resize) and logs {@code eventType} with {@code details}. */
  synchronized void respec(ObjectNode newSpec, String eventType, ObjectNode details) {
    settleIfDue();
    spec = newSpec;
    event(clock.instant(), eventType, details);
  }

  synchronized ObjectNode spec() {
    return spec.deepCopy();
  }

  private void moveTo(ClusterState next, String message, Instant now) {
    ClusterState previous = state;
    state = next;
    stateMessage = message;
    if (next == ClusterState.PENDING || next == ClusterState.RESTARTING) {
      startedAt = now;
    }
    if (next == ClusterState.TERMINATING) {
      terminationCode = "USER_REQUEST";
    }
    terminatedAt = next == ClusterState.TERMINATED ? now : null;
    settlesAt = next.isTransitional() ? now.plus(transitionTime) : null;
    switch (next) {
      case PENDING:
        event(now, "STARTING", Json.object().put("user", LocalIdentity.USER_NAME));
        break;
      case RESTARTING:
      case RESIZING:
        event(now, next.name(), Json.object().put("user", LocalIdentity.USER_NAME));
        break;
      case TERMINATING:
        ObjectNode details = Json.object().put("user", LocalIdentity.USER_NAME);
        details.putObject("reason").put("code", terminationCode).put("type", "SUCCESS");
        event(now, "TERMINATING", details);
        break;
      case RUNNING:
        ObjectNode running = Json.object().put("current_num_workers", spec.path("num_workers").asInt(0));
        event(now, previous == ClusterState.RESIZING ? "UPSIZE_COMPLETED" : "RUNNING", running);
        break;
      default:
        break;
    }
  }

  private void event(Instant at, String type, ObjectNode details) {
    ObjectNode e = Json.object();
    e.put("cluster_id", id);
    e.put("timestamp", at.toEpochMilli());
    e.put("type", type);
    e.set("details", details);
    events.add(e);
  }

  /** The event log, oldest first. */
  synchronized List<ObjectNode> events() {
    settleIfDue();
    List<ObjectNode> copy = new ArrayList<>();
    events.forEach(e -> copy.add(e.deepCopy()));
    return copy;
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
    json.put("driver_node_type_id", spec.path("node_type_id").asText("i3.xlarge"));
    json.put("autotermination_minutes", 120);
    json.put("single_user_name", LocalIdentity.USER_NAME);
    json.put("data_security_mode", "SINGLE_USER");
    json.putObject("spark_conf").put("spark.master", "local[*, 4]");
    spec.fields().forEachRemaining(field -> json.set(field.getKey(), field.getValue().deepCopy()));
    if (!json.has("num_workers")) {
      json.put("num_workers", json.has("autoscale") ? json.path("autoscale").path("min_workers").asInt() : 0);
    }
    json.put("state", state.name());
    json.put("state_message", stateMessage);
    json.put("start_time", startedAt.toEpochMilli());
    if (terminatedAt != null) {
      json.put("terminated_time", terminatedAt.toEpochMilli());
      json.putObject("termination_reason").put("code", terminationCode).put("type", "SUCCESS");
    }
    json.put("creator_user_name", LocalIdentity.USER_NAME);
    json.put("cluster_source", spec.path("cluster_source").asText("UI"));
    json.put("spark_context_id", createdAt.toEpochMilli());
    json.put("cluster_memory_mb", 31_232);
    json.put("cluster_cores", 4.0);
    ObjectNode tags = json.putObject("default_tags");
    tags.put("Vendor", "Databricks");
    tags.put("Creator", LocalIdentity.USER_NAME);
    tags.put("ClusterName", name());
    tags.put("ClusterId", id);
    return json;
  }
}
