package dev.kiln.sql.internal;

import java.util.List;

/** One chunk's rows, parsed and checked, ready for the reader. */
public final class ParsedChunk {
  private final int index;
  private final List<String[]> rows;

  public ParsedChunk(int index, List<String[]> rows) {
    this.index = index;
    this.rows = rows;
  }

  public int index() {
    return index;
  }

  /** Each row's values as text, null for SQL NULL. */
  public List<String[]> rows() {
    return rows;
  }

  @Override
  public String toString() {
    return "ParsedChunk[" + index + ", " + rows.size() + " rows]";
  }
}
