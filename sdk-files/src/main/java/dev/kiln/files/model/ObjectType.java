package dev.kiln.files.model;

import dev.kiln.core.spi.WireEnums;

/** The kind of a workspace object; {@link #UNKNOWN} for values this SDK does not know. */
public enum ObjectType {
  /** A notebook. */
  NOTEBOOK,
  /** A directory (folder). */
  DIRECTORY,
  /** A library. */
  LIBRARY,
  /** A workspace file (any non-notebook content). */
  FILE,
  /** A Git folder (repo); listed into like a directory. */
  REPO,
  /** A dashboard. */
  DASHBOARD,
  /** A type this SDK does not know; the raw value stays on the object. */
  UNKNOWN;

  /**
   * The type for a wire value, ignoring case and surrounding blanks.
   *
   * @param value as the server sent it; may be null
   * @return the matching constant, or {@link #UNKNOWN} for null or an unknown value
   */
  public static ObjectType fromWire(String value) {
    return WireEnums.parse(ObjectType.class, value, UNKNOWN);
  }
}
