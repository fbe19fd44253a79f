package dev.kiln.sql.internal;

import dev.kiln.sql.IncompleteResultException;
import dev.kiln.sql.model.ExternalLink;
import dev.kiln.sql.model.ResultData;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds where each chunk is: the statement's first chunk, a cached link still fresh enough, or
 * {@code GET .../result/chunks/{n}}. Links from every answer are cached for all readers of the result.
 */
final class ChunkSource {
  private final StatementApi api;
  private final String statementId;
  private final Clock clock;
  private final Duration expiryMargin;
  private final ResultData first;
  private final Map<Integer, ExternalLink> links = new ConcurrentHashMap<>();

  ChunkSource(StatementApi api, String statementId, Optional<ResultData> first, Duration expiryMargin) {
    this.api = api;
    this.statementId = statementId;
    this.clock = api.internals().clock();
    this.expiryMargin = expiryMargin;
    this.first = first.orElse(null);
    first.ifPresent(f -> remember(f.externalLinks()));
  }

  /**
   * Where chunk {@code index} is: a cached link still fresh enough, the statement response's own rows, or the
   * answer of a chunk request sent on the calling thread. {@code refresh} skips what is cached and asks the
   * server again (for a fresh link). Closing {@code scope} interrupts the request.
   */
  ChunkLocation locate(int index, boolean refresh, InFlight scope) {
    if (scope.isClosed()) {
      throw InFlight.closedError();
    }
    if (!refresh) {
      ExternalLink cached = links.get(index);
      if (cached != null && isFresh(cached)) {
        return ChunkLocation.external(cached);
      }
      if (cached == null && first != null && first.externalLinks().isEmpty()
          && first.chunkIndex().orElse(0) == index) {
        return ChunkLocation.inline(rowsOf(first), first.rowCount());
      }
    }
    ChunkAnswer answer;
    try (InFlight.BlockingCall call = scope.blockingCall()) {
      answer = api.chunk(statementId, index);
    }
    return locationIn(answer, index);
  }

  private ChunkLocation locationIn(ChunkAnswer answer, int index) {
    remember(answer.externalLinks());
    for (ExternalLink link : answer.externalLinks()) {
      if (link.chunkIndex() == index) {
        return ChunkLocation.external(link);
      }
    }
    boolean otherChunk = !answer.externalLinks().isEmpty()
        || (answer.chunkIndex().isPresent() && answer.chunkIndex().getAsInt() != index);
    if (otherChunk) {
      throw new IncompleteResultException("chunk " + index + " of statement " + statementId
          + " is missing: the server answered with a different chunk");
    }
    return ChunkLocation.inline(answer.rows(), answer.rowCount());
  }

  private void remember(List<ExternalLink> answered) {
    for (ExternalLink link : answered) {
      links.put(link.chunkIndex(), link);
    }
  }

  /**
   * The statement response's own rows. Its model already holds them as lists (the response stays
   * readable through {@code StatementResult.response()}); later chunks never take this detour.
   */
  private static ChunkData rowsOf(ResultData first) {
    return TextBatch.of(first.dataArray().orElse(List.of()));
  }

  /** A link is used only if it stays valid for the margin (the download takes time too). */
  private boolean isFresh(ExternalLink link) {
    Optional<Instant> expires = link.expiresAt();
    return expires.isEmpty() || expires.get().isAfter(clock.instant().plus(expiryMargin));
  }
}
