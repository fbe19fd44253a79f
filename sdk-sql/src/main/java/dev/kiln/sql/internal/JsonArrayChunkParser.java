package dev.kiln.sql.internal;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.kiln.core.Json;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * JSON_ARRAY chunks ({@code [["a","1",null], ...]}) scanned byte by byte straight into
 * {@link TextBatch}es: string contents are copied once with their escapes decoded, numbers and
 * booleans are kept as their bytes, and nothing is allocated per value or row. Values inlined as
 * JSON (arrays or objects instead of their text) are kept as compact JSON text. {@link #readRows}
 * reads the {@code data_array} of inline answers through Jackson into the same shape.
 */
final class JsonArrayChunkParser implements ChunkParser {
  private static final int BUFFER = 64 * 1024;

  @Override
  public Batches open(InputStream body) {
    return new Scanner(body);
  }

  /** Reads the array of rows that starts at the parser's current token, up to its closing bracket. */
  static TextBatch readRows(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw new JsonParseException(p, "a JSON_ARRAY chunk must be an array of rows");
    }
    TextBatch.Builder rows = TextBatch.builder();
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.START_ARRAY) {
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        if (t == null) {
          throw new JsonParseException(p, "the chunk ended inside a row");
        }
        switch (t) {
          case VALUE_NULL:
            rows.addNull();
            break;
          case START_ARRAY:
          case START_OBJECT:
            rows.addString(Json.mapper().readTree(p).toString());
            break;
          default:
            rows.addChars(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        }
      }
      rows.endRow();
    }
    if (t != JsonToken.END_ARRAY) {
      throw new JsonParseException(p, "expected a row (a JSON array) but found " + t);
    }
    return rows.build();
  }

  /** The scan of one body; the position is always between rows when a batch is handed out. */
  private static final class Scanner implements Batches {
    private final InputStream in;
    private TextBatch previous;
    private final byte[] buf = new byte[BUFFER];
    private int pos;
    private int limit;
    private boolean started;
    private boolean finished;
    private long rowsRead;

    Scanner(InputStream in) {
      this.in = in;
    }

    @Override
    public ChunkData next() throws IOException {
      if (finished) {
        return null;
      }
      if (!started) {
        started = true;
        if (nonBlank() != '[') {
          throw error("a JSON_ARRAY chunk must be an array of rows");
        }
        if (peekNonBlank() == ']') {
          pos++;
          finished = true;
          return null;
        }
      }
      TextBatch.Builder b = TextBatch.builderLike(previous);
      while (b.rows() < BATCH_ROWS && b.bytes() < BATCH_BYTES) {
        int c = nonBlank();
        if (c != '[') {
          throw error("expected a row (a JSON array)");
        }
        row(b);
        rowsRead++;
        c = nonBlank();
        if (c == ']') {
          finished = true;
          break;
        }
        if (c != ',') {
          throw error("expected ',' or ']' after a row");
        }
      }
      previous = b.build();
      return previous;
    }

    private void row(TextBatch.Builder b) throws IOException {
      if (peekNonBlank() == ']') {
        pos++;
        b.endRow();
        return;
      }
      while (true) {
        value(b);
        int c = nonBlank();
        if (c == ']') {
          b.endRow();
          return;
        }
        if (c != ',') {
          throw error("expected ',' or ']' in a row");
        }
      }
    }

    private void value(TextBatch.Builder b) throws IOException {
      int c = nonBlank();
      switch (c) {
        case '"':
          string(b);
          b.endValue();
          return;
        case 'n':
          expect('u');
          expect('l');
          expect('l');
          b.addNull();
          return;
        case '[':
        case '{':
          complex(b, c);
          b.endValue();
          return;
        case ']':
        case ',':
          throw error("expected a value");
        default:
          b.addByte((byte) c);
          while (true) {
            int d = peek();
            if (d == ',' || d == ']' || d == ' ' || d == '\n' || d == '\r' || d == '\t') {
              break;
            }
            if (d < 0) {
              throw new EOFException("the chunk ended inside a row");
            }
            b.addByte((byte) d);
            pos++;
          }
          b.endValue();
      }
    }

    /** String contents after the opening quote, escapes decoded, up to the closing quote. */
    private void string(TextBatch.Builder b) throws IOException {
      while (true) {
        if (pos == limit && !fill()) {
          throw new EOFException("the chunk ended inside a string");
        }
        // Copy the run of plain bytes in one go.
        int start = pos;
        while (pos < limit) {
          byte x = buf[pos];
          if (x == '"' || x == '\\') {
            break;
          }
          pos++;
        }
        if (pos > start) {
          b.addBytes(buf, start, pos - start);
        }
        if (pos == limit) {
          continue;
        }
        byte x = buf[pos++];
        if (x == '"') {
          return;
        }
        escape(b);
      }
    }

    private void escape(TextBatch.Builder b) throws IOException {
      int e = read();
      switch (e) {
        case '"':
        case '\\':
        case '/':
          b.addByte((byte) e);
          return;
        case 'b':
          b.addByte((byte) '\b');
          return;
        case 'f':
          b.addByte((byte) '\f');
          return;
        case 'n':
          b.addByte((byte) '\n');
          return;
        case 'r':
          b.addByte((byte) '\r');
          return;
        case 't':
          b.addByte((byte) '\t');
          return;
        case 'u':
          int cp = hex4();
          if (Character.isHighSurrogate((char) cp)) {
            if (read() != '\\' || read() != 'u') {
              throw error("a lone surrogate in a string");
            }
            cp = Character.toCodePoint((char) cp, (char) hex4());
          }
          utf8(b, cp);
          return;
        default:
          throw error("a bad escape in a string");
      }
    }

    private int hex4() throws IOException {
      int v = 0;
      for (int i = 0; i < 4; i++) {
        int h = Character.digit(read(), 16);
        if (h < 0) {
          throw error("a bad \\u escape");
        }
        v = v * 16 + h;
      }
      return v;
    }

    private static void utf8(TextBatch.Builder b, int cp) {
      if (cp < 0x80) {
        b.addByte((byte) cp);
      } else if (cp < 0x800) {
        b.addByte((byte) (0xC0 | cp >> 6));
        b.addByte((byte) (0x80 | cp & 0x3F));
      } else if (cp < 0x10000) {
        b.addByte((byte) (0xE0 | cp >> 12));
        b.addByte((byte) (0x80 | cp >> 6 & 0x3F));
        b.addByte((byte) (0x80 | cp & 0x3F));
      } else {
        b.addByte((byte) (0xF0 | cp >> 18));
        b.addByte((byte) (0x80 | cp >> 12 & 0x3F));
        b.addByte((byte) (0x80 | cp >> 6 & 0x3F));
        b.addByte((byte) (0x80 | cp & 0x3F));
      }
    }

    /** A value inlined as JSON: copied as compact JSON text (blanks outside strings dropped). */
    private void complex(TextBatch.Builder b, int open) throws IOException {
      b.addByte((byte) open);
      int depth = 1;
      boolean inString = false;
      while (depth > 0) {
        int c = read();
        if (inString) {
          b.addByte((byte) c);
          if (c == '\\') {
            b.addByte((byte) read());
          } else if (c == '"') {
            inString = false;
          }
          continue;
        }
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
          continue;
        }
        b.addByte((byte) c);
        if (c == '"') {
          inString = true;
        } else if (c == '[' || c == '{') {
          depth++;
        } else if (c == ']' || c == '}') {
          depth--;
        }
      }
    }

    private void expect(int c) throws IOException {
      if (read() != c) {
        throw error("a bad literal");
      }
    }

    private int read() throws IOException {
      if (pos == limit && !fill()) {
        throw new EOFException("the chunk ended inside a row");
      }
      return buf[pos++] & 0xFF;
    }

    private int peek() throws IOException {
      if (pos == limit && !fill()) {
        return -1;
      }
      return buf[pos] & 0xFF;
    }

    private int nonBlank() throws IOException {
      int c = peekNonBlank();
      if (c < 0) {
        throw new EOFException(rowsRead == 0 && !started ? "the chunk is empty" : "the chunk ended after " + rowsRead
            + " rows, before its closing bracket");
      }
      pos++;
      return c;
    }

    private int peekNonBlank() throws IOException {
      while (true) {
        int c = peek();
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
          pos++;
        } else {
          return c;
        }
      }
    }

    private boolean fill() throws IOException {
      int n = in.read(buf, 0, buf.length);
      while (n == 0) {
        n = in.read(buf, 0, buf.length);
      }
      if (n < 0) {
        return false;
      }
      pos = 0;
      limit = n;
      return true;
    }

    private IOException error(String what) {
      return new IOException("malformed JSON_ARRAY chunk: " + what + " (after " + rowsRead + " rows)");
    }
  }
}
