package dev.kiln.execution.model;

import dev.kiln.core.spi.WireEnums;

/** The kind of a cluster event ({@code type}); the server adds kinds over time, so the set is open. */
public enum ClusterEventType {
  /** Workers could not be added, e.g. the cloud had no capacity. */
  ADD_NODES_FAILED,
  /** The server updated the cluster on its own, e.g. a maintenance restart. */
  AUTOMATIC_CLUSTER_UPDATE,
  /** Autoscaling waits before trying again after it failed to add workers. */
  AUTOSCALING_BACKOFF,
  /** An autoscaling resize failed. */
  AUTOSCALING_FAILED,
  /** A periodic report of autoscaling's decisions. */
  AUTOSCALING_STATS_REPORT,
  /** The cluster was moved to new infrastructure by the server. */
  CLUSTER_MIGRATED,
  /** The cluster is being created. */
  CREATING,
  /** The driver cannot reach DBFS. */
  DBFS_DOWN,
  /** Decommissioning of workers finished. */
  DECOMMISSION_ENDED,
  /** Workers started being decommissioned (their work moved elsewhere before removal). */
  DECOMMISSION_STARTED,
  /** Local disk ran low but was not expanded (e.g. the size limit was reached). */
  DID_NOT_EXPAND_DISK,
  /** The driver is healthy again and answers. */
  DRIVER_HEALTHY,
  /** The driver is up but does not answer, often from a long garbage collection or overload. */
  DRIVER_NOT_RESPONDING,
  /** The driver cannot be reached. */
  DRIVER_UNAVAILABLE,
  /** The cluster's configuration was edited. */
  EDITED,
  /** Local disk ran low and was expanded (autoscaling local storage). */
  EXPANDED_DISK,
  /** Local disk ran low and expanding it failed. */
  FAILED_TO_EXPAND_DISK,
  /** The cluster's init scripts finished on a node. */
  INIT_SCRIPTS_FINISHED,
  /** The cluster's init scripts started on a node. */
  INIT_SCRIPTS_STARTED,
  /** The driver cannot reach the metastore. */
  METASTORE_DOWN,
  /** Workers were lost, e.g. spot instances taken back by the cloud. */
  NODES_LOST,
  /** A node was excluded from scheduling because it misbehaved (the older name of an exclusion). */
  NODE_BLACKLISTED,
  /** A node was excluded from scheduling because it is being decommissioned. */
  NODE_EXCLUDED_DECOMMISSIONED,
  /** The cluster was pinned: its configuration is kept even long after it terminates. */
  PINNED,
  /** A change in the number of workers started (by request or autoscaling). */
  RESIZING,
  /** The cluster is restarting. */
  RESTARTING,
  /** The cluster is running and usable. */
  RUNNING,
  /** Spark on the driver raised an exception. */
  SPARK_EXCEPTION,
  /** The cluster is starting. */
  STARTING,
  /** The cluster is being terminated; the event's details say why. */
  TERMINATING,
  /** The cluster was unpinned. */
  UNPINNED,
  /** Workers were added and the resize is done. */
  UPSIZE_COMPLETED,
  /** A kind this version does not know; never sent as a filter. */
  UNKNOWN;

  /**
   * The constant for the server's text in any case; {@link #UNKNOWN} for null or unrecognised text.
   *
   * @param raw the text as sent, may be null
   * @return the matching type, never null
   */
  public static ClusterEventType fromWire(String raw) {
    return WireEnums.parse(ClusterEventType.class, raw, UNKNOWN);
  }
}
