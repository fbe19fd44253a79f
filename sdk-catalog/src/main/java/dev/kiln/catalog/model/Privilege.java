package dev.kiln.catalog.model;

import dev.kiln.core.spi.WireEnums;

/**
 * A Unity Catalog privilege. The set is open: {@link #UNKNOWN} stands for one this SDK does not know,
 * and the models keep every privilege's raw string (see {@code PrivilegeAssignment.rawPrivileges()}).
 * {@link dev.kiln.catalog.model.GrantChanges} also accepts raw names for privileges newer than this
 * enum.
 */
public enum Privilege {
  ALL_PRIVILEGES,
  USE_CATALOG,
  USE_SCHEMA,
  SELECT,
  MODIFY,
  BROWSE,
  MANAGE,
  EXECUTE,
  REFRESH,
  APPLY_TAG,
  READ_VOLUME,
  WRITE_VOLUME,
  READ_FILES,
  WRITE_FILES,
  CREATE_SCHEMA,
  CREATE_TABLE,
  CREATE_VIEW,
  CREATE_FUNCTION,
  CREATE_VOLUME,
  CREATE_MODEL,
  CREATE_MATERIALIZED_VIEW,
  CREATE_CATALOG,
  CREATE_EXTERNAL_LOCATION,
  CREATE_STORAGE_CREDENTIAL,
  CREATE_CONNECTION,
  USE_CONNECTION,
  UNKNOWN;

  /** The constant for a wire value; {@link #UNKNOWN} for null or unrecognised values. */
  public static Privilege fromWire(String raw) {
    return WireEnums.parse(Privilege.class, raw, UNKNOWN);
  }
}
