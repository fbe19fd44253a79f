package dev.kiln.sql.internal;

/** Starts fetching one chunk by index. */
@FunctionalInterface
interface ChunkLoader {
  /**
   * Starts chunk {@code index} at once (its bytes arrive in the background within {@code budget},
   * starting with {@code credit} bytes already taken from it); requests are tracked by {@code scope}.
   */
  ChunkRows start(int index, InFlight scope, ByteBudget budget, long credit);
}
