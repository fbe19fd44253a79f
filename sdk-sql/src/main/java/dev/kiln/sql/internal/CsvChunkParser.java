package dev.kiln.sql.internal;

import java.io.IOException;
import java.io.InputStream;

/**
 * CSV chunks per RFC 4180 (quoted fields may hold commas, quotes as {@code ""} and line breaks;
 * records end with LF or CRLF), scanned byte by byte into {@link TextBatch}es as the body streams
 * in. UTF-8 is kept as bytes: no byte of a multi-byte character can look like a separator or a
 * quote. Databricks conventions: only the first chunk has a header row, and unquoted {@code null}
 * is SQL NULL.
 */
final class CsvChunkParser implements ChunkParser {
  private static final int BUFFER = 64 * 1024;

  private final boolean skipHeader;

  CsvChunkParser(boolean skipHeader) {
    this.skipHeader = skipHeader;
  }

  @Override
  public Batches open(InputStream body) {
    return new Records(body, skipHeader);
  }

  private static final class Records implements Batches {
    private final InputStream in;
    private TextBatch previous;
    private final byte[] buf = new byte[BUFFER];
    private int pos;
    private int limit;
    private boolean headerPending;
    private boolean first = true;
    private boolean finished;
    private long records;

    Records(InputStream in, boolean skipHeader) {
      this.in = in;
      this.headerPending = skipHeader;
    }

    @Override
    public ChunkData next() throws IOException {
      if (finished) {
        return null;
      }
      if (first) {
        first = false;
        if (fill() && limit >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF) {
          pos = 3; // a byte order mark is not data
        }
      }
      TextBatch.Builder b = TextBatch.builderLike(previous);
      while (b.rows() < BATCH_ROWS && b.bytes() < BATCH_BYTES) {
        if (!record(b)) {
          finished = true;
          break;
        }
        if (headerPending) {
          headerPending = false;
          b.dropPartialRow();
        } else {
          b.endRow();
          records++;
        }
      }
      previous = b.build();
      return previous;
    }

    /** One record into {@code b} (not ended); false at the end of the body. */
    private boolean record(TextBatch.Builder b) throws IOException {
      if (peek() < 0) {
        return false;
      }
      while (true) {
        int end = field(b);
        if (end != ',') {
          if (end == '\r' && peek() == '\n') {
            pos++;
          }
          return true;
        }
      }
    }

    /** One field; returns what ended it: ',', '\r', '\n' or -1 (end of body). */
    private int field(TextBatch.Builder b) throws IOException {
      int c = peek();
      if (c == '"') {
        pos++;
        while (true) {
          int start = pos;
          while (pos < limit && buf[pos] != '"') {
            pos++;
          }
          b.addBytes(buf, start, pos - start);
          if (pos == limit) {
            if (!fill()) {
              throw new IOException("the CSV chunk ended inside a quoted field");
            }
            continue;
          }
          pos++; // the quote
          int next = peek();
          if (next == '"') {
            b.addByte((byte) '"'); // "" is an escaped quote
            pos++;
            continue;
          }
          if (next != ',' && next != '\r' && next != '\n' && next >= 0) {
            throw new IOException("malformed CSV: text after a closing quote in record " + (records + 1));
          }
          b.endValue();
          if (next >= 0) {
            pos++;
          }
          return next;
        }
      }
      int valueStart = b.bytes();
      while (true) {
        int start = pos;
        while (pos < limit) {
          byte x = buf[pos];
          if (x == ',' || x == '\n' || x == '\r') {
            break;
          }
          pos++;
        }
        b.addBytes(buf, start, pos - start);
        if (pos < limit) {
          int end = buf[pos++];
          endUnquoted(b, valueStart);
          return end;
        }
        if (!fill()) {
          endUnquoted(b, valueStart);
          return -1;
        }
      }
    }

    private static void endUnquoted(TextBatch.Builder b, int valueStart) {
      if (b.bytes() - valueStart == 4 && b.endsWithNull()) {
        b.removeLast(4);
        b.addNull();
      } else {
        b.endValue();
      }
    }

    private int peek() throws IOException {
      if (pos == limit && !fill()) {
        return -1;
      }
      return buf[pos] & 0xFF;
    }

    private boolean fill() throws IOException {
      int n;
      do {
        n = in.read(buf, 0, buf.length);
      } while (n == 0);
      if (n < 0) {
        pos = limit = 0;
        return false;
      }
      pos = 0;
      limit = n;
      return true;
    }
  }
}
