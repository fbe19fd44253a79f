package dev.kiln.vectorsearch.internal;

/** Reads server-controlled enum strings without failing on values this SDK does not know yet. */
public final class WireEnums {
  private WireEnums() {}

  /** The constant named {@code raw}, or {@code unknown} when it is absent or not (yet) known. */
  public static <E extends Enum<E>> E fromWire(Class<E> type, String raw, E unknown) {
    if (raw == null) {
      return unknown;
    }
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(raw) && e != unknown) {
        return e;
      }
    }
    return unknown;
  }
}
