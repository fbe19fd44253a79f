package dev.kiln.emulator.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A finished result cut into chunks of at most {@code rowsPerChunk} rows, each already rendered in the
 * requested format (a JSON array of rows, or CSV with the header row in the first chunk only). The rendered
 * bytes are what INLINE replies embed and what external links serve, so {@code byte_count} is exact.
 */
final class ResultChunks {
  private final List<ResultColumn> columns;
  private final boolean truncated;
  private final ResultFormat format;
  private final ResultCompression compression;
  private final List<Chunk> chunks;
  private final long totalRows;
  private final long totalBytes;

  private ResultChunks(
      QueryResult result, ResultFormat format, ResultCompression compression, List<Chunk> chunks) {
    // Keep only what the manifest needs: the rows live on in the rendered chunks.
    this.columns = result.columns();
    this.truncated = result.truncated();
    this.format = format;
    this.compression = compression;
    this.chunks = Collections.unmodifiableList(chunks);
    this.totalRows = chunks.stream().mapToLong(Chunk::rowCount).sum();
    this.totalBytes = chunks.stream().mapToLong(Chunk::byteCount).sum();
  }

  static ResultChunks of(QueryResult result, ResultFormat format, int rowsPerChunk) {
    return of(result, format, ResultCompression.NONE, rowsPerChunk, false);
  }

  /**
   * Chunk boundaries depend only on {@code rowsPerChunk}, so JSON_ARRAY, CSV and ARROW_STREAM results of one
   * query have the same chunks with the same row offsets and counts; {@code byte_count} is the size of what
   * a link serves (after compression).
   */
  static ResultChunks of(
      QueryResult result,
      ResultFormat format,
      ResultCompression compression,
      int rowsPerChunk,
      boolean nativeArrowComplexTypes) {
    List<String[]> rows = result.rows();
    List<Chunk> chunks = new ArrayList<>();
    ArrowStreamWriter arrow =
        format == ResultFormat.ARROW_STREAM ? new ArrowStreamWriter(result.columns(), nativeArrowComplexTypes) : null;
    Lz4Frame lz4 = compression == ResultCompression.LZ4_FRAME ? Lz4Frame.standard() : null;
    for (int offset = 0; offset < rows.size(); offset += rowsPerChunk) {
      List<String[]> slice = rows.subList(offset, Math.min(rows.size(), offset + rowsPerChunk));
      byte[] payload =
          format == ResultFormat.CSV
              ? csv(result, slice, offset == 0)
              : arrow != null ? arrow.write(slice) : Json.bytes(slice);
      if (lz4 != null) {
        payload = lz4.compress(payload);
      }
      chunks.add(new Chunk(chunks.size(), offset, slice.size(), payload));
    }
    return new ResultChunks(result, format, compression, chunks);
  }

  private static byte[] csv(QueryResult result, List<String[]> rows, boolean withHeader) {
    StringBuilder out = new StringBuilder();
    if (withHeader) {
      CsvWriter.appendHeader(out, result.columns());
    }
    for (String[] row : rows) {
      CsvWriter.appendRow(out, row);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  List<ResultColumn> columns() {
    return columns;
  }

  boolean truncated() {
    return truncated;
  }

  ResultFormat format() {
    return format;
  }

  ResultCompression compression() {
    return compression;
  }

  List<Chunk> chunks() {
    return chunks;
  }

  long totalRows() {
    return totalRows;
  }

  long totalBytes() {
    return totalBytes;
  }

  /** One chunk: its place in the result and its rendered bytes. */
  static final class Chunk {
    private final int index;
    private final long rowOffset;
    private final int rowCount;
    private final byte[] payload;

    Chunk(int index, long rowOffset, int rowCount, byte[] payload) {
      this.index = index;
      this.rowOffset = rowOffset;
      this.rowCount = rowCount;
      this.payload = payload;
    }

    int index() {
      return index;
    }

    long rowOffset() {
      return rowOffset;
    }

    int rowCount() {
      return rowCount;
    }

    long byteCount() {
      return payload.length;
    }

    /** The rendered bytes; callers must not modify them. */
    byte[] payload() {
      return payload;
    }

    /** The JSON_ARRAY payload as text, for embedding verbatim in an INLINE reply. */
    String payloadText() {
      return new String(payload, StandardCharsets.UTF_8);
    }
  }
}
