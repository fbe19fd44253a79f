package dev.kiln.vectorsearch.internal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.Page;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Wire answer of scan: {@code {data[{fields[{key, value}]}], last_primary_key}}. */
public final class ScanResponseBody {
  private final List<Entry> data;
  private final String lastPrimaryKey;

  @JsonCreator
  ScanResponseBody(@JsonProperty("data") List<Entry> data, @JsonProperty("last_primary_key") String lastPrimaryKey) {
    this.data = data;
    this.lastPrimaryKey = lastPrimaryKey;
  }

  static final class Entry {
    private final List<Field> fields;

    @JsonCreator
    Entry(@JsonProperty("fields") List<Field> fields) {
      this.fields = fields;
    }
  }

  static final class Field {
    private final String key;
    private final JsonNode value;

    @JsonCreator
    Field(@JsonProperty("key") String key, @JsonProperty("value") JsonNode value) {
      this.key = key;
      this.value = value;
    }
  }

  /**
   * This answer as a page of decoded entries. The scan is over when a page comes back empty, so
   * only a non-empty page passes its {@code last_primary_key} on as the next token.
   */
  public Page<Map<String, Object>> toPage() {
    List<Map<String, Object>> entries = new ArrayList<>();
    if (data != null) {
      for (Entry e : data) {
        entries.add(decode(e));
      }
    }
    return Page.of(entries, entries.isEmpty() ? null : lastPrimaryKey);
  }

  /** One entry's fields as an insertion-ordered, unmodifiable map (null values allowed). */
  private static Map<String, Object> decode(Entry e) {
    Map<String, Object> map = new LinkedHashMap<>();
    if (e != null && e.fields != null) {
      for (Field f : e.fields) {
        if (f != null && f.key != null) {
          map.put(f.key, ScanValues.decode(f.value));
        }
      }
    }
    return Collections.unmodifiableMap(map);
  }
}
