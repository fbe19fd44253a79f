package dev.kiln.catalog.model;

import dev.kiln.core.spi.WireEnums;
import java.util.Locale;

/**
 * What a grant applies to. The permissions API takes the type as a lowercase path segment
 * ({@link #wireName()}). {@link #UNKNOWN} stands for a value this SDK does not know yet; models keep
 * the raw string.
 */
public enum SecurableType {
  /** The metastore: the top of the hierarchy; named by its id. */
  METASTORE(0),
  /** A catalog ({@code catalog}). */
  CATALOG(1),
  /** A schema ({@code catalog.schema}). */
  SCHEMA(2),
  /** A table or view ({@code catalog.schema.table}). */
  TABLE(3),
  /** A volume ({@code catalog.schema.volume}). */
  VOLUME(3),
  /** A function ({@code catalog.schema.function}). */
  FUNCTION(3),
  /** Registered models in Unity Catalog: {@code catalog.schema.model}. */
  REGISTERED_MODEL(3),
  /** An external location: a cloud storage path with the credential to reach it. */
  EXTERNAL_LOCATION(0),
  /** A storage credential: the cloud identity used to reach storage. */
  STORAGE_CREDENTIAL(0),
  /** A credential for storage or for services. */
  CREDENTIAL(0),
  /** A connection to an external database (Lakehouse Federation). */
  CONNECTION(0),
  /** A Delta Sharing share. */
  SHARE(0),
  /** A Delta Sharing recipient. */
  RECIPIENT(0),
  /** A Delta Sharing provider. */
  PROVIDER(0),
  /** A clean room. */
  CLEAN_ROOM(0),
  /** A type this SDK does not know; the raw value stays on the model. Refused when sent. */
  UNKNOWN(0);

  private final int nameParts;

  SecurableType(int nameParts) {
    this.nameParts = nameParts;
  }

  /**
   * How many dot-separated parts the securable's full name has: 1 for a catalog, 2 for a schema, 3
   * for tables, volumes, functions and models; 0 for securables with a single free-form name (a
   * metastore id, an external location, a share...), which are sent as one path segment.
   */
  public int nameParts() {
    return nameParts;
  }

  /** The path segment of the permissions API: the name in lower case, as Terraform sends it. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The constant for a wire value (either case); {@link #UNKNOWN} for null or unrecognised values. */
  public static SecurableType fromWire(String raw) {
    return WireEnums.parse(SecurableType.class, raw, UNKNOWN);
  }
}
