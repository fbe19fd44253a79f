package dev.kiln.emulator;

import java.util.regex.Pattern;

/** Vector Search index names are three-part Unity Catalog names. */
final class VectorIndexNames {
  private static final Pattern THREE_PART = Pattern.compile("[^.\\s]+\\.[^.\\s]+\\.[^.\\s]+");

  private VectorIndexNames() {}

  static void check(String name) {
    if (!THREE_PART.matcher(name).matches()) {
      throw new IllegalStateException("an index name is catalog.schema.table, got '" + name + "'");
    }
  }
}
