package dev.kiln.execution.model;

import dev.kiln.core.spi.WireEnums;

/** Who may use a cluster and how data access is governed ({@code data_security_mode}). */
public enum DataSecurityMode {
  /** No isolation and no Unity Catalog access control (legacy "no isolation shared"). */
  NONE,
  /**
   * Unity Catalog, dedicated to one user ({@code single_user_name}); the same as
   * {@code DATA_SECURITY_MODE_DEDICATED}.
   */
  SINGLE_USER,
  /**
   * Unity Catalog, shared by several users who are isolated from each other; the same as
   * {@code DATA_SECURITY_MODE_STANDARD}.
   */
  USER_ISOLATION,
  /** Legacy table access control on a shared cluster (no Unity Catalog). */
  LEGACY_TABLE_ACL,
  /** Legacy credential passthrough on a shared (high concurrency) cluster. */
  LEGACY_PASSTHROUGH,
  /** Legacy credential passthrough on a cluster for one user. */
  LEGACY_SINGLE_USER,
  /** Legacy single-user mode without Unity Catalog or credential passthrough. */
  LEGACY_SINGLE_USER_STANDARD,
  /** Let the server choose the mode from the rest of the cluster's configuration. */
  DATA_SECURITY_MODE_AUTO,
  /** Unity Catalog standard (shared) access; the newer name of {@code USER_ISOLATION}. */
  DATA_SECURITY_MODE_STANDARD,
  /** Unity Catalog dedicated access (one user or group); the newer name of {@code SINGLE_USER}. */
  DATA_SECURITY_MODE_DEDICATED,
  /** A mode this version does not know; never sent. */
  UNKNOWN;

  /**
   * The constant for the server's text in any case; {@link #UNKNOWN} for null or unrecognised text.
   *
   * @param raw the text as sent, may be null
   * @return the matching mode, never null
   */
  public static DataSecurityMode fromWire(String raw) {
    return WireEnums.parse(DataSecurityMode.class, raw, UNKNOWN);
  }

  /** The modes that run as one named user and so need {@code single_user_name}. */
  public boolean needsSingleUser() {
    return this == SINGLE_USER || this == LEGACY_SINGLE_USER;
  }
}
