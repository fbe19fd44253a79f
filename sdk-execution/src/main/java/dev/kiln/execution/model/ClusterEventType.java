package dev.kiln.execution.model;

import dev.kiln.core.spi.WireEnums;

/** The kind of a cluster event ({@code type}); the server adds kinds over time, so the set is open. */
public enum ClusterEventType {
  ADD_NODES_FAILED,
  AUTOMATIC_CLUSTER_UPDATE,
  AUTOSCALING_BACKOFF,
  AUTOSCALING_FAILED,
  AUTOSCALING_STATS_REPORT,
  CLUSTER_MIGRATED,
  CREATING,
  DBFS_DOWN,
  DECOMMISSION_ENDED,
  DECOMMISSION_STARTED,
  DID_NOT_EXPAND_DISK,
  DRIVER_HEALTHY,
  DRIVER_NOT_RESPONDING,
  DRIVER_UNAVAILABLE,
  EDITED,
  EXPANDED_DISK,
  FAILED_TO_EXPAND_DISK,
  INIT_SCRIPTS_FINISHED,
  INIT_SCRIPTS_STARTED,
  METASTORE_DOWN,
  NODES_LOST,
  NODE_BLACKLISTED,
  NODE_EXCLUDED_DECOMMISSIONED,
  PINNED,
  RESIZING,
  RESTARTING,
  RUNNING,
  SPARK_EXCEPTION,
  STARTING,
  TERMINATING,
  UNPINNED,
  UPSIZE_COMPLETED,
  /** A kind this version does not know; never sent as a filter. */
  UNKNOWN;

  public static ClusterEventType fromWire(String raw) {
    return WireEnums.parse(ClusterEventType.class, raw, UNKNOWN);
  }
}
