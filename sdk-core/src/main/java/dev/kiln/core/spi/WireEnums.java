package dev.kiln.core.spi;

import java.util.Locale;

/**
 * Reads server-controlled enum values without failing on ones this SDK version does not know:
 * models keep the raw string beside the enum and map it with {@link #parse}.
 */
public final class WireEnums {
  private WireEnums() {}

  /** The constant named {@code raw} (case-insensitive, trimmed), or {@code unknown}. */
  public static <E extends Enum<E>> E parse(Class<E> type, String raw, E unknown) {
    if (raw == null) {
      return unknown;
    }
    String name = raw.trim().toUpperCase(Locale.ROOT);
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(name)) {
        return e;
      }
    }
    return unknown;
  }
}
