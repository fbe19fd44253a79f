package dev.kiln.sql.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * CSV chunks per RFC 4180 (quoted fields may hold commas, quotes as {@code ""} and line breaks;
 * records end with LF or CRLF), read character by character as the body streams in. Databricks
 * conventions: only the first chunk has a header row, and unquoted {@code null} is SQL NULL.
 */
final class CsvChunkParser implements ChunkParser {
  private static final int BUFFER = 8192;

  private enum State { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED }

  private final boolean skipHeader;

  CsvChunkParser(boolean skipHeader) {
    this.skipHeader = skipHeader;
  }

  @Override
  public List<String[]> parse(InputStream body, BooleanSupplier cancelled) throws IOException {
    try (Reader in = new InputStreamReader(body, StandardCharsets.UTF_8)) {
      return new Records(skipHeader, cancelled).read(in);
    }
  }

  /** The state of one parse. */
  private static final class Records {
    final List<String[]> rows = new ArrayList<>();
    final List<String> fields = new ArrayList<>();
    final StringBuilder field = new StringBuilder();
    final BooleanSupplier cancelled;
    boolean headerPending;
    boolean fieldQuoted;
    boolean skipLineFeed;
    State state = State.FIELD_START;

    Records(boolean skipHeader, BooleanSupplier cancelled) {
      this.headerPending = skipHeader;
      this.cancelled = cancelled;
    }

    List<String[]> read(Reader in) throws IOException {
      char[] buf = new char[BUFFER];
      boolean first = true;
      int n;
      while ((n = in.read(buf)) > 0) {
        int from = 0;
        if (first && buf[0] == '\uFEFF') {
          from = 1; // a byte order mark is not data
        }
        first = false;
        for (int i = from; i < n; i++) {
          accept(buf[i]);
        }
      }
      if (state == State.QUOTED) {
        throw new IOException("the CSV chunk ended inside a quoted field");
      }
      if (state != State.FIELD_START || !fields.isEmpty()) {
        endRecord(); // last record without a line break
      }
      return rows;
    }

    private void accept(char c) throws IOException {
      if (skipLineFeed) {
        skipLineFeed = false;
        if (c == '\n') {
          return;
        }
      }
      switch (state) {
        case QUOTED:
          if (c == '"') {
            state = State.QUOTE_IN_QUOTED;
          } else {
            field.append(c);
          }
          return;
        case QUOTE_IN_QUOTED:
          if (c == '"') {
            field.append('"'); // "" is an escaped quote
            state = State.QUOTED;
          } else if (!separatorOrLineEnd(c)) {
            throw new IOException("malformed CSV: text after a closing quote in record " + (rows.size() + 1));
          }
          return;
        case FIELD_START:
          if (c == '"') {
            fieldQuoted = true;
            state = State.QUOTED;
            return;
          }
          if (!separatorOrLineEnd(c)) {
            field.append(c);
            state = State.UNQUOTED;
          }
          return;
        default: // UNQUOTED
          if (!separatorOrLineEnd(c)) {
            field.append(c);
          }
      }
    }

    /** Handles ',' CR and LF outside quotes; false for any other character. */
    private boolean separatorOrLineEnd(char c) throws IOException {
      if (c == ',') {
        endField();
        return true;
      }
      if (c == '\n' || c == '\r') {
        skipLineFeed = c == '\r';
        endRecord();
        return true;
      }
      return false;
    }

    private void endField() {
      String value = field.toString();
      fields.add(!fieldQuoted && value.equals("null") ? null : value);
      field.setLength(0);
      fieldQuoted = false;
      state = State.FIELD_START;
    }

    private void endRecord() throws IOException {
      endField();
      if (headerPending) {
        headerPending = false;
      } else {
        rows.add(fields.toArray(new String[0]));
        if (rows.size() % CANCEL_CHECK_INTERVAL == 0 && cancelled.getAsBoolean()) {
          throw new InterruptedIOException("chunk download cancelled");
        }
      }
      fields.clear();
    }
  }
}
