package dev.kiln.catalog.model;

import dev.kiln.core.spi.WireEnums;
import java.util.Locale;

/**
 * What a grant applies to. The permissions API takes the type as a lowercase path segment
 * ({@link #wireName()}). {@link #UNKNOWN} stands for a value this SDK does not know yet; models keep
 * the raw string.
 */
public enum SecurableType {
  METASTORE(0),
  CATALOG(1),
  SCHEMA(2),
  TABLE(3),
  VOLUME(3),
  FUNCTION(3),
  /** Registered models in Unity Catalog: {@code catalog.schema.model}. */
  REGISTERED_MODEL(3),
  EXTERNAL_LOCATION(0),
  STORAGE_CREDENTIAL(0),
  CREDENTIAL(0),
  CONNECTION(0),
  SHARE(0),
  RECIPIENT(0),
  PROVIDER(0),
  CLEAN_ROOM(0),
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
