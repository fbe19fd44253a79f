package dev.kiln.sql.internal;

import java.util.concurrent.CompletableFuture;

/** Fetches and parses one chunk by index. */
@FunctionalInterface
interface ChunkLoader {
  /** Requests it makes are tracked by {@code scope}, so closing the scope cancels them. */
  CompletableFuture<ParsedChunk> load(int index, InFlight scope);
}
