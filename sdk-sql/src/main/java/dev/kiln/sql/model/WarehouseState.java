package dev.kiln.sql.model;

import dev.kiln.core.spi.WireEnums;

/** The state of a SQL warehouse ({@code state}). */
public enum WarehouseState {
  STARTING,
  RUNNING,
  STOPPING,
  STOPPED,
  DELETING,
  DELETED,
  UNKNOWN;

  public static WarehouseState fromWire(String raw) {
    return WireEnums.parse(WarehouseState.class, raw, UNKNOWN);
  }
}
