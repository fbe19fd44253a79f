package dev.kiln.sql.internal;

import dev.kiln.core.spi.Futures;
import dev.kiln.sql.IncompleteResultException;
import dev.kiln.sql.model.ChunkInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a chunk of one statement's result: locate it, download it if it is behind a link, and
 * check it against the manifest. A download that fails in a way a fresh link may fix is tried
 * again with a refreshed link, up to a limit.
 */
final class StatementChunkLoader implements ChunkLoader {
  private static final Logger LOG = LoggerFactory.getLogger(StatementChunkLoader.class);

  private final String statementId;
  private final ChunkSource source;
  private final ChunkDownloader downloader;
  private final Map<Integer, Long> manifestRowCounts = new HashMap<>();
  private final int columnCount;
  private final int maxLinkRefreshes;

  StatementChunkLoader(String statementId, ChunkSource source, ChunkDownloader downloader,
      List<ChunkInfo> manifestChunks, int columnCount, int maxLinkRefreshes) {
    this.statementId = statementId;
    this.source = source;
    this.downloader = downloader;
    for (ChunkInfo c : manifestChunks) {
      c.rowCount().ifPresent(n -> manifestRowCounts.put(c.chunkIndex(), n));
    }
    this.columnCount = columnCount;
    this.maxLinkRefreshes = maxLinkRefreshes;
  }

  @Override
  public CompletableFuture<ParsedChunk> load(int index, InFlight scope) {
    return attempt(index, scope, 0);
  }

  private CompletableFuture<ParsedChunk> attempt(int index, InFlight scope, int refreshes) {
    CompletableFuture<ParsedChunk> loaded = source.locate(index, refreshes > 0, scope).thenCompose(location ->
        location.isExternal()
            ? downloader.download(location.link(), scope).thenApply(rows -> checked(index, rows, location))
            : CompletableFuture.completedFuture(checked(index, location.rows(), location)));
    return loaded.handle((chunk, error) -> {
      if (error == null) {
        return CompletableFuture.completedFuture(chunk);
      }
      Throwable cause = Futures.unwrap(error);
      if (!(cause instanceof LinkFailure)) {
        return CompletableFuture.<ParsedChunk>failedFuture(cause);
      }
      if (refreshes < maxLinkRefreshes && !scope.isClosed()) {
        LOG.debug("chunk {} of statement {}: {}; downloading again with a fresh link", index, statementId,
            cause.getMessage());
        return attempt(index, scope, refreshes + 1);
      }
      return CompletableFuture.<ParsedChunk>failedFuture(cause.getCause());
    }).thenCompose(Function.identity());
  }

  private ParsedChunk checked(int index, List<String[]> rows, ChunkLocation location) {
    long expected = expectedRows(index, location);
    if (expected >= 0 && rows.size() != expected) {
      IncompleteResultException mismatch = new IncompleteResultException("chunk " + index + " of statement "
          + statementId + (rows.isEmpty() && !location.isExternal()
              ? " is missing: the server returned no rows for it, the manifest says " + expected
              : " has " + rows.size() + " rows, the manifest says " + expected));
      // A short download may be a cut-off body; inline answers are parsed whole, so no retry.
      throw location.isExternal() ? new LinkFailure(mismatch) : mismatch;
    }
    if (columnCount > 0) {
      for (int r = 0; r < rows.size(); r++) {
        if (rows.get(r).length != columnCount) {
          throw new IncompleteResultException("row " + r + " of chunk " + index + " of statement " + statementId
              + " has " + rows.get(r).length + " values, the schema has " + columnCount + " columns");
        }
      }
    }
    return new ParsedChunk(index, rows);
  }

  private long expectedRows(int index, ChunkLocation location) {
    Long fromManifest = manifestRowCounts.get(index);
    if (fromManifest != null) {
      return fromManifest;
    }
    OptionalLong stated = location.rowCount();
    return stated.isPresent() ? stated.getAsLong() : -1;
  }
}
