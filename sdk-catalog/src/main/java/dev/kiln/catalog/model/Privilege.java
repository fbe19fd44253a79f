package dev.kiln.catalog.model;

import dev.kiln.core.spi.WireEnums;

/**
 * A Unity Catalog privilege. The set is open: {@link #UNKNOWN} stands for one this SDK does not know,
 * and the models keep every privilege's raw string (see {@code PrivilegeAssignment.rawPrivileges()}).
 * {@link dev.kiln.catalog.model.GrantChanges} also accepts raw names for privileges newer than this
 * enum.
 */
public enum Privilege {
  /** Every privilege that applies to the securable, now and as new ones are added. */
  ALL_PRIVILEGES,
  /** Needed to reach anything in a catalog; grants nothing on its own. */
  USE_CATALOG,
  /** Needed to reach anything in a schema; grants nothing on its own. */
  USE_SCHEMA,
  /** Read a table or view, or read a function's output. */
  SELECT,
  /** Insert, update and delete rows of a table. */
  MODIFY,
  /**
   * See an object's metadata (in Catalog Explorer and information schema) without reading its data.
   */
  BROWSE,
  /** Grant and revoke privileges on an object, and rename, drop or re-own it, without owning it. */
  MANAGE,
  /** Call a function or load a model. */
  EXECUTE,
  /** Refresh a materialized view or streaming table. */
  REFRESH,
  /** Add and remove tags on an object. */
  APPLY_TAG,
  /** Read the files of a volume. */
  READ_VOLUME,
  /** Write, change and delete the files of a volume. */
  WRITE_VOLUME,
  /** Read files directly from an external location or table path. */
  READ_FILES,
  /** Write files directly to an external location or table path. */
  WRITE_FILES,
  /** Create schemas in a catalog. */
  CREATE_SCHEMA,
  /** Create tables in a schema. */
  CREATE_TABLE,
  /** Create views in a schema. */
  CREATE_VIEW,
  /** Create functions in a schema. */
  CREATE_FUNCTION,
  /** Create volumes in a schema. */
  CREATE_VOLUME,
  /** Create registered models in a schema. */
  CREATE_MODEL,
  /** Create materialized views in a schema. */
  CREATE_MATERIALIZED_VIEW,
  /** Create catalogs in a metastore. */
  CREATE_CATALOG,
  /** Create external locations in a metastore. */
  CREATE_EXTERNAL_LOCATION,
  /** Create storage credentials in a metastore. */
  CREATE_STORAGE_CREDENTIAL,
  /** Create connections (Lakehouse Federation) in a metastore. */
  CREATE_CONNECTION,
  /** Use a connection to create foreign catalogs. */
  USE_CONNECTION,
  /** A privilege this SDK does not know; the raw value stays on the model. */
  UNKNOWN;

  /** The constant for a wire value; {@link #UNKNOWN} for null or unrecognised values. */
  public static Privilege fromWire(String raw) {
    return WireEnums.parse(Privilege.class, raw, UNKNOWN);
  }
}
