package dev.kiln.sql.internal;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.kiln.core.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * JSON_ARRAY chunks ({@code [["a","1",null], ...]}) read token by token with Jackson's streaming
 * parser: no tree is built, so memory holds only the rows themselves. {@link #readRows} also reads
 * the {@code data_array} of inline chunks ({@link ChunkAnswer}), so both dispositions share it.
 */
final class JsonArrayChunkParser implements ChunkParser {
  @Override
  public List<String[]> parse(InputStream body, BooleanSupplier cancelled) throws IOException {
    try (JsonParser p = Json.mapper().getFactory().createParser(body)) {
      p.nextToken();
      return readRows(p, cancelled);
    }
  }

  /** Reads the array of rows that starts at the parser's current token, up to its closing bracket. */
  static List<String[]> readRows(JsonParser p, BooleanSupplier cancelled) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw new JsonParseException(p, "a JSON_ARRAY chunk must be an array of rows");
    }
    List<String[]> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.START_ARRAY) {
      row.clear();
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        row.add(valueText(p, t));
      }
      rows.add(row.toArray(new String[0]));
      if (rows.size() % CANCEL_CHECK_INTERVAL == 0 && cancelled.getAsBoolean()) {
        throw new InterruptedIOException("chunk download cancelled");
      }
    }
    if (t != JsonToken.END_ARRAY) {
      throw new JsonParseException(p, "expected a row (a JSON array) but found " + t);
    }
    return rows;
  }

  private static String valueText(JsonParser p, JsonToken t) throws IOException {
    if (t == null) {
      throw new JsonParseException(p, "the chunk ended inside a row");
    }
    switch (t) {
      case VALUE_NULL:
        return null;
      case START_ARRAY:
      case START_OBJECT:
        // Complex values normally arrive as JSON text; tolerate them inlined as JSON.
        return Json.mapper().readTree(p).toString();
      default:
        return p.getText();
    }
  }
}
