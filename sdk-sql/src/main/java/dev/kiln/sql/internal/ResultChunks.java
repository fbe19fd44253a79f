package dev.kiln.sql.internal;

import dev.kiln.sql.SqlOptions;
import dev.kiln.sql.UnsupportedFormatException;
import dev.kiln.sql.model.Format;
import dev.kiln.sql.model.ResultData;
import dev.kiln.sql.model.ResultManifest;
import dev.kiln.sql.model.StatementResponse;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.LongConsumer;

/**
 * The chunks of one statement's result: how many there are, how many rows they should hold, and a
 * fresh {@link ChunkPrefetcher} for each reader. Links fetched by one reader are reused by the next.
 */
public final class ResultChunks {
  private final String statementId;
  private final Format format;
  private final String rawFormat;
  private final int chunkCount;
  private final long expectedRows;
  private final SqlOptions options;
  private final ChunkLoader loader;
  private final String compression;

  public ResultChunks(StatementApi api, StatementResponse response, SqlOptions options) {
    this.statementId = response.statementId();
    Optional<ResultManifest> manifest = response.manifest();
    this.format = manifest.map(ResultManifest::format).orElse(Format.JSON_ARRAY);
    this.rawFormat = manifest.flatMap(ResultManifest::rawFormat).orElse(format.name());
    this.chunkCount = chunkCount(manifest, response.result());
    this.expectedRows = manifest.map(m -> m.totalRowCount().orElse(-1)).orElse(-1L);
    this.options = options;
    this.compression = manifest.flatMap(ResultManifest::rawResultCompression).orElse("NONE");
    IntFunction<ChunkParser> parsers = parsers(format);
    ChunkSource source = new ChunkSource(api, statementId, response.result(), options.linkExpiryMargin());
    int columnCount = manifest.map(m -> m.columns().size()).orElse(0);
    this.loader = new StatementChunkLoader(statementId, source, new ChunkDownloader(api.client(), options.downloadIdleTimeout()),
        parsers, manifest.map(ResultManifest::chunks).orElse(List.of()), columnCount, options.maxLinkRefreshes(),
        Boolean.TRUE.equals(lz4(compression)));
  }

  public int chunkCount() {
    return chunkCount;
  }

  /**
   * Starts a reader at the first chunk with its own byte budget; nothing is fetched until its first
   * {@code nextBatch()}. {@code accounting} (may be null) sees the bytes held ahead after each change.
   */
  @SuppressWarnings("deprecation")
  public ChunkPrefetcher open(LongConsumer accounting) {
    if (format == Format.UNKNOWN) {
      throw new UnsupportedFormatException("statement " + statementId + " has its result in format " + rawFormat
          + ", which this version of sdk-sql cannot read rows from: request Format.JSON_ARRAY, CSV or ARROW_STREAM "
          + "(the chunk links stay available in StatementResult.response())");
    }
    if (lz4(compression) == null) {
      throw new UnsupportedFormatException("statement " + statementId + " has its chunks compressed as " + compression
          + ", which this version of sdk-sql cannot decode (it reads NONE and LZ4_FRAME)");
    }
    return new ChunkPrefetcher(loader, "the result of statement " + statementId, chunkCount, expectedRows,
        options.downloadParallelism(), options.maxBufferedChunks(),
        new ByteBudget(options.resultMemoryBudget(), accounting));
  }

  /** Whether bodies are LZ4 frames; null for a compression this SDK does not know. */
  private static Boolean lz4(String compression) {
    switch (compression.toUpperCase(java.util.Locale.ROOT)) {
      case "NONE":
      case "":
        return false;
      case "LZ4_FRAME":
        return true;
      default:
        return null;
    }
  }

  /** Parsers of plain bodies: an LZ4-framed body is decoded before it reaches them (see {@link ChunkBytes}). */
  private static IntFunction<ChunkParser> parsers(Format format) {
    switch (format) {
      case CSV:
        return index -> new CsvChunkParser(index == 0);
      case ARROW_STREAM:
        return index -> new ArrowChunkParser();
      default:
        return index -> new JsonArrayChunkParser();
    }
  }

  private static int chunkCount(Optional<ResultManifest> manifest, Optional<ResultData> first) {
    if (manifest.isPresent() && manifest.get().totalChunkCount().isPresent()) {
      return manifest.get().totalChunkCount().getAsInt();
    }
    if (manifest.isPresent() && !manifest.get().chunks().isEmpty()) {
      return manifest.get().chunks().size();
    }
    return first.isPresent() ? 1 : 0;
  }
}
