package dev.kiln.execution.model;

import dev.kiln.core.spi.WireEnums;

/** Who may use a cluster and how data access is governed ({@code data_security_mode}). */
public enum DataSecurityMode {
  NONE,
  SINGLE_USER,
  USER_ISOLATION,
  LEGACY_TABLE_ACL,
  LEGACY_PASSTHROUGH,
  LEGACY_SINGLE_USER,
  LEGACY_SINGLE_USER_STANDARD,
  DATA_SECURITY_MODE_AUTO,
  DATA_SECURITY_MODE_STANDARD,
  DATA_SECURITY_MODE_DEDICATED,
  /** A mode this version does not know; never sent. */
  UNKNOWN;

  public static DataSecurityMode fromWire(String raw) {
    return WireEnums.parse(DataSecurityMode.class, raw, UNKNOWN);
  }

  /** The modes that run as one named user and so need {@code single_user_name}. */
  public boolean needsSingleUser() {
    return this == SINGLE_USER || this == LEGACY_SINGLE_USER;
  }
}
