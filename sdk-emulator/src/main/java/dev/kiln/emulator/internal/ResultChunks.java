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
  private final List<Chunk> chunks;
  private final long totalRows;
  private final long totalBytes;

  private ResultChunks(QueryResult result, ResultFormat format, List<Chunk> chunks) {
    // Keep only what the manifest needs: the rows live on in the rendered chunks.
    this.columns = result.columns();
    this.truncated = result.truncated();
    this.format = format;
    this.chunks = Collections.unmodifiableList(chunks);
    this.totalRows = chunks.stream().mapToLong(Chunk::rowCount).sum();
    this.totalBytes = chunks.stream().mapToLong(Chunk::byteCount).sum();
  }

  static ResultChunks of(QueryResult result, ResultFormat format, int rowsPerChunk) {
    List<String[]> rows = result.rows();
    List<Chunk> chunks = new ArrayList<>();
    for (int offset = 0; offset < rows.size(); offset += rowsPerChunk) {
      List<String[]> slice = rows.subList(offset, Math.min(rows.size(), offset + rowsPerChunk));
      byte[] payload = format == ResultFormat.CSV ? csv(result, slice, offset == 0) : Json.bytes(slice);
      chunks.add(new Chunk(chunks.size(), offset, slice.size(), payload));
    }
    return new ResultChunks(result, format, chunks);
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
