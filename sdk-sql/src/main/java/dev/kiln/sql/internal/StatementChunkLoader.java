package dev.kiln.sql.internal;

import dev.kiln.core.error.DatabricksClientException;
import dev.kiln.core.error.DatabricksException;
import dev.kiln.core.spi.Futures;
import dev.kiln.sql.IncompleteResultException;
import dev.kiln.sql.model.ChunkInfo;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the chunks of one statement's result: locate each, download it if it is behind a link
 * (buffered as raw bytes within the reader's budget), parse it on the reader's side, and check it
 * against the manifest. A download that fails in a way a fresh link may fix (rejected or expired
 * link, body cut off or stalled, fewer rows than the manifest says) is fetched again with a
 * refreshed link, up to a limit; rows already handed to the reader are skipped in the new body.
 */
final class StatementChunkLoader implements ChunkLoader {
  private static final Logger LOG = LoggerFactory.getLogger(StatementChunkLoader.class);

  private final String statementId;
  private final ChunkSource source;
  private final ChunkDownloader downloader;
  private final IntFunction<ChunkParser> parsers;
  private final Executor executor;
  private final Map<Integer, Long> manifestRowCounts = new HashMap<>();
  private final int columnCount;
  private final int maxLinkRefreshes;
  private final boolean lz4Frames;

  /** {@code lz4Frames}: downloaded bodies are LZ4 frames, decoded as they are buffered (parsers see plain bytes). */
  StatementChunkLoader(String statementId, ChunkSource source, ChunkDownloader downloader, IntFunction<ChunkParser> parsers,
      List<ChunkInfo> manifestChunks, int columnCount, int maxLinkRefreshes, boolean lz4Frames) {
    this.statementId = statementId;
    this.source = source;
    this.downloader = downloader;
    this.parsers = parsers;
    this.executor = downloader.internals().executor();
    for (ChunkInfo c : manifestChunks) {
      c.rowCount().ifPresent(n -> manifestRowCounts.put(c.chunkIndex(), n));
    }
    this.columnCount = columnCount;
    this.maxLinkRefreshes = maxLinkRefreshes;
    this.lz4Frames = lz4Frames;
  }

  @Override
  public ChunkRows start(int index, InFlight scope, ByteBudget budget, long credit) {
    return new Loading(index, scope, budget, credit);
  }

  private long expectedRows(int index, ChunkLocation location) {
    Long fromManifest = manifestRowCounts.get(index);
    if (fromManifest != null) {
      return fromManifest;
    }
    OptionalLong stated = location.rowCount();
    return stated.isPresent() ? stated.getAsLong() : -1;
  }

  /** One chunk: its current attempt, and how many rows the reader already has from it. */
  private final class Loading implements ChunkRows {
    private final int index;
    private final InFlight scope;
    private final ByteBudget budget;
    private final CompletableFuture<Void> firstDownload = new CompletableFuture<>();
    private CompletableFuture<ChunkLocation> location;
    private volatile ChunkBytes bytes;
    private ChunkParser.Batches batches;
    private boolean inlineHandedOut;
    private long delivered;
    private long skip;
    private int refreshes;

    Loading(int index, InFlight scope, ByteBudget budget, long credit) {
      this.index = index;
      this.scope = scope;
      this.budget = budget;
      begin(false, credit);
      bytes.downloaded().whenComplete((v, e) -> firstDownload.complete(null));
    }

    private void begin(boolean refresh, long credit) {
      ChunkBytes into = new ChunkBytes(index, budget, executor, credit, lz4Frames);
      bytes = into;
      CompletableFuture<ChunkLocation> located = new CompletableFuture<>();
      location = located;
      try {
        executor.execute(() -> fetch(refresh, into, located));
      } catch (RuntimeException rejected) { // e.g. the client's workers are shut down
        located.completeExceptionally(rejected);
        into.fail(rejected);
      }
    }

    /**
     * On a worker: locate the chunk and send its download, both blocking there (see {@link ChunkDownloader#send});
     * the pump then reads the body. The reader waits only for {@code located}, and for bytes.
     */
    private void fetch(boolean refresh, ChunkBytes into, CompletableFuture<ChunkLocation> located) {
      ChunkLocation loc;
      try {
        loc = source.locate(index, refresh, scope);
      } catch (RuntimeException e) {
        RuntimeException failure = scope.isClosed() ? InFlight.closedError() : e;
        located.completeExceptionally(failure);
        into.fail(failure);
        return;
      }
      located.complete(loc);
      if (loc.isExternal()) {
        downloader.send(loc.link(), scope, into);
      } else {
        into.close(); // inline rows: no download, give the credit back
      }
    }

    @Override
    public int index() {
      return index;
    }

    @Override
    public CompletableFuture<Void> downloaded() {
      return firstDownload;
    }

    @Override
    public ChunkData nextBatch() {
      while (true) {
        ChunkLocation loc = Futures.join(location);
        if (!loc.isExternal()) {
          if (inlineHandedOut) {
            return null;
          }
          inlineHandedOut = true;
          return checkedInline(loc);
        }
        RuntimeException failure;
        try {
          if (batches == null) {
            batches = parsers.apply(index).open(bytes.stream());
          }
          ChunkData d = batches.next();
          if (d == null) {
            long expected = expectedRows(index, loc);
            if (expected >= 0 && delivered != expected) {
              // A short download may be a cut-off body.
              throw new LinkFailure(new IncompleteResultException("chunk " + index + " of statement " + statementId
                  + " has " + delivered + " rows, the manifest says " + expected));
            }
            bytes.close();
            return null;
          }
          if (skip > 0) {
            int skipped = (int) Math.min(skip, d.rowCount());
            skip -= skipped;
            d = d.from(skipped);
          }
          checkColumns(d);
          delivered += d.rowCount();
          return d;
        } catch (IOException e) {
          if (Thread.currentThread().isInterrupted()) {
            bytes.close(); // the reader was interrupted: not a download worth repeating
            throw new dev.kiln.core.error.OperationInterruptedException("interrupted while reading chunk " + index,
                new InterruptedException(e.getMessage()));
          }
          Throwable why = e.getCause() instanceof DatabricksException ? e.getCause() : e; // e.g. core's stall guard
          failure = new LinkFailure(new DatabricksClientException("reading chunk " + index + " failed: "
              + why.getClass().getSimpleName() + (why.getMessage() == null ? "" : ": " + why.getMessage()), e));
        } catch (LinkFailure e) {
          failure = e;
        }
        bytes.close();
        batches = null;
        if (refreshes >= maxLinkRefreshes || scope.isClosed()) {
          Throwable cause = failure.getCause();
          throw cause instanceof RuntimeException ? (RuntimeException) cause : failure;
        }
        refreshes++;
        LOG.debug("chunk {} of statement {}: {}; downloading again with a fresh link", index, statementId,
            failure.getMessage());
        skip = delivered; // the reader has these rows already
        begin(true, 0);
      }
    }

    private ChunkData checkedInline(ChunkLocation loc) {
      ChunkData rows = loc.rows();
      long expected = expectedRows(index, loc);
      if (expected >= 0 && rows.rowCount() != expected) {
        throw new IncompleteResultException("chunk " + index + " of statement " + statementId
            + (rows.rowCount() == 0
                ? " is missing: the server returned no rows for it, the manifest says " + expected
                : " has " + rows.rowCount() + " rows, the manifest says " + expected));
      }
      checkColumns(rows);
      delivered = rows.rowCount();
      return rows;
    }

    private void checkColumns(ChunkData d) {
      if (columnCount <= 0) {
        return;
      }
      for (int r = 0; r < d.rowCount(); r++) {
        if (d.valueCount(r) != columnCount) {
          throw new IncompleteResultException("row " + (delivered + r) + " of chunk " + index + " of statement "
              + statementId + " has " + d.valueCount(r) + " values, the schema has " + columnCount + " columns");
        }
      }
    }

    @Override
    public void close() {
      ChunkBytes b = bytes;
      if (b != null) {
        b.close();
      }
    }
  }
}
