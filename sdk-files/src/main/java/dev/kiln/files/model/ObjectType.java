package dev.kiln.files.model;

import dev.kiln.core.spi.WireEnums;

/** The kind of a workspace object; {@link #UNKNOWN} for values this SDK does not know. */
public enum ObjectType {
  NOTEBOOK,
  DIRECTORY,
  LIBRARY,
  FILE,
  REPO,
  DASHBOARD,
  UNKNOWN;

  public static ObjectType fromWire(String value) {
    return WireEnums.parse(ObjectType.class, value, UNKNOWN);
  }
}
