package dev.kiln.sql.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Rows of text values (JSON_ARRAY, CSV, inline answers) kept as the UTF-8 bytes of their contents
 * back to back, with one end offset per value: no String or array per value or row. Escapes are
 * decoded once, when the batch is built; typed getters read numbers and booleans straight from the
 * bytes and fall back to the text parsers (which accept surrounding blanks) only for unusual text.
 */
public final class TextBatch implements ChunkData {
  private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13,
      1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

  private final byte[] data;
  /** End offset (exclusive) of each value in {@code data}; a value starts where the previous ended. */
  private final int[] ends;
  /** Index of each row's first value, plus one past the last. */
  private final int[] rowStarts;
  private final long[] nulls;
  private final int rows;

  private TextBatch(Builder b) {
    this.data = b.data;
    this.ends = b.ends;
    this.rowStarts = b.rowStarts;
    this.nulls = b.nulls;
    this.rows = b.rows;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder sized like {@code previous} (a parser's batches are alike), so it rarely grows or trims. */
  static Builder builderLike(TextBatch previous) {
    if (previous == null) {
      return new Builder();
    }
    Builder b = new Builder();
    b.data = new byte[Math.max(256, previous.data.length + previous.data.length / 16)];
    b.ends = new int[Math.max(64, previous.ends.length + previous.ends.length / 16)];
    b.rowStarts = new int[Math.max(17, previous.rows + 2 + previous.rows / 16)];
    b.nulls = new long[(b.ends.length >>> 6) + 1];
    return b;
  }

  /** Rows given as strings (the statement response's own {@code data_array}). */
  public static TextBatch of(List<? extends List<String>> rows) {
    Builder b = new Builder();
    for (List<String> row : rows) {
      for (String v : row) {
        b.addString(v);
      }
      b.endRow();
    }
    return b.build();
  }

  public static final TextBatch EMPTY = new Builder().build();

  @Override
  public int rowCount() {
    return rows;
  }

  @Override
  public int valueCount(int row) {
    return rowStarts[row + 1] - rowStarts[row];
  }

  private int index(int row, int col) {
    if (row < 0 || row >= rows || col < 0 || col >= valueCount(row)) {
      throw new IndexOutOfBoundsException("value " + row + "," + col);
    }
    return rowStarts[row] + col;
  }

  private int start(int v) {
    return v == 0 ? 0 : ends[v - 1];
  }

  @Override
  public boolean isNull(int row, int col) {
    int v = index(row, col);
    return (nulls[v >>> 6] & (1L << v)) != 0;
  }

  @Override
  public String text(int row, int col) {
    int v = index(row, col);
    if ((nulls[v >>> 6] & (1L << v)) != 0) {
      return null;
    }
    int s = start(v);
    return new String(data, s, ends[v] - s, StandardCharsets.UTF_8);
  }

  @Override
  public long getLong(int row, int col) {
    int v = index(row, col);
    int i = start(v);
    int end = ends[v];
    boolean negative = i < end && data[i] == '-';
    if (negative) {
      i++;
    }
    if (i == end || end - i > 18) {
      return TextValues.parseLong(text(row, col)); // empty, blank-padded or long: the exact, careful parser
    }
    long n = 0;
    for (; i < end; i++) {
      int d = data[i] - '0';
      if (d < 0 || d > 9) {
        return TextValues.parseLong(text(row, col));
      }
      n = n * 10 + d;
    }
    return negative ? -n : n;
  }

  @Override
  public double getDouble(int row, int col) {
    int v = index(row, col);
    int i = start(v);
    int end = ends[v];
    // Fast path: at most 15 significant digits and a small power of ten are exact in a double, so
    // one multiplication or division rounds correctly (as Double.parseDouble would).
    boolean negative = i < end && data[i] == '-';
    if (negative) {
      i++;
    }
    long m = 0;
    int digits = 0;
    int scale = 0;
    boolean dot = false;
    boolean any = false;
    for (; i < end; i++) {
      byte c = data[i];
      if (c >= '0' && c <= '9') {
        any = true;
        if (m != 0 || c != '0') {
          digits++;
        }
        m = m * 10 + (c - '0');
        if (dot) {
          scale++;
        }
        if (digits > 15) {
          return TextValues.parseDouble(text(row, col));
        }
      } else if (c == '.' && !dot) {
        dot = true;
      } else {
        break;
      }
    }
    if (i < end && any && (data[i] == 'e' || data[i] == 'E')) {
      i++;
      boolean expNegative = i < end && data[i] == '-';
      if (i < end && (data[i] == '-' || data[i] == '+')) {
        i++;
      }
      int e = 0;
      int from = i;
      for (; i < end && data[i] >= '0' && data[i] <= '9' && e < 1000; i++) {
        e = e * 10 + (data[i] - '0');
      }
      if (i == from) {
        return TextValues.parseDouble(text(row, col));
      }
      scale += expNegative ? e : -e;
    }
    if (!any || i != end || scale > 22 || scale < -22) {
      return TextValues.parseDouble(text(row, col)); // NaN, Infinity, blanks, big exponents
    }
    double d = scale >= 0 ? m / POW10[scale] : m * POW10[-scale];
    return negative ? -d : d;
  }

  @Override
  public boolean getBoolean(int row, int col) {
    int v = index(row, col);
    int s = start(v);
    int len = ends[v] - s;
    if (len == 4 && (data[s] | 0x20) == 't' && (data[s + 1] | 0x20) == 'r' && (data[s + 2] | 0x20) == 'u'
        && (data[s + 3] | 0x20) == 'e') {
      return true;
    }
    if (len == 5 && (data[s] | 0x20) == 'f' && (data[s + 1] | 0x20) == 'a' && (data[s + 2] | 0x20) == 'l'
        && (data[s + 3] | 0x20) == 's' && (data[s + 4] | 0x20) == 'e') {
      return false;
    }
    return TextValues.parseBoolean(text(row, col));
  }

  @Override
  public long retainedBytes() {
    return 64 + data.length + 4L * ends.length + 4L * rowStarts.length + 8L * nulls.length;
  }

  /** Content bytes held (for sizing batches). */
  int dataBytes() {
    return rowStarts[rows] == 0 ? 0 : ends[rowStarts[rows] - 1];
  }

  @Override
  public String toString() {
    return "TextBatch[" + rows + " rows]";
  }

  /** Appends values and rows; values are UTF-8 bytes. */
  public static final class Builder {
    private byte[] data = new byte[256];
    private int size;
    private int[] ends = new int[64];
    private int values;
    private int[] rowStarts = new int[17];
    private int rows;
    private long[] nulls = new long[1];

    Builder() {}

    public int rows() {
      return rows;
    }

    public int bytes() {
      return size;
    }

    /** Values added to the row being built. */
    public int pendingValues() {
      return values - rowStarts[rows];
    }

    public void addByte(byte b) {
      if (size == data.length) {
        data = Arrays.copyOf(data, data.length * 2);
      }
      data[size++] = b;
    }

    public void addBytes(byte[] b, int off, int len) {
      if (size + len > data.length) {
        data = Arrays.copyOf(data, Math.max(data.length * 2, size + len));
      }
      System.arraycopy(b, off, data, size, len);
      size += len;
    }

    /** Ends the value whose bytes were just added. */
    public void endValue() {
      if (values == ends.length) {
        ends = Arrays.copyOf(ends, ends.length * 2);
      }
      if ((values >>> 6) == nulls.length) {
        nulls = Arrays.copyOf(nulls, nulls.length * 2);
      }
      ends[values++] = size;
    }

    public void addNull() {
      endValue();
      nulls[(values - 1) >>> 6] |= 1L << (values - 1);
    }

    /** Whether the bytes added last spell {@code null}. */
    boolean endsWithNull() {
      return size >= 4 && data[size - 4] == 'n' && data[size - 3] == 'u' && data[size - 2] == 'l' && data[size - 1] == 'l';
    }

    void removeLast(int n) {
      size -= n;
    }

    public void addString(String s) {
      if (s == null) {
        addNull();
        return;
      }
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      addBytes(b, 0, b.length);
      endValue();
    }

    /** UTF-16 text (from Jackson's character buffers) encoded as UTF-8. */
    public void addChars(char[] c, int off, int len) {
      for (int i = off; i < off + len; i++) {
        char ch = c[i];
        if (ch < 0x80) {
          addByte((byte) ch);
        } else {
          addString0(new String(c, i, off + len - i));
          break;
        }
      }
      endValue();
    }

    private void addString0(String rest) {
      byte[] b = rest.getBytes(StandardCharsets.UTF_8);
      addBytes(b, 0, b.length);
    }

    public void endRow() {
      if (rows + 2 > rowStarts.length) {
        rowStarts = Arrays.copyOf(rowStarts, rowStarts.length * 2);
      }
      rowStarts[++rows] = values;
    }

    /** Drops the values of an unfinished row (a cut-off body). */
    public void dropPartialRow() {
      int old = values;
      values = rowStarts[rows];
      size = values == 0 ? 0 : ends[values - 1];
      for (int i = values; i < old; i++) {
        nulls[i >>> 6] &= ~(1L << i);
      }
    }

    public TextBatch build() {
      dropPartialRow();
      // Trim large slack so a kept batch holds about what it uses.
      if (data.length - size > data.length / 8 + 64) {
        data = Arrays.copyOf(data, size);
      }
      if (ends.length - values > ends.length / 8 + 16) {
        ends = Arrays.copyOf(ends, values);
        nulls = Arrays.copyOf(nulls, (values >>> 6) + 1);
      }
      return new TextBatch(this);
    }
  }
}
