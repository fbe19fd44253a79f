package dev.kiln.vectorsearch.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes scan's tagged values ({@code string_value}, {@code number_value}, {@code bool_value},
 * {@code null_value}, {@code list_value{values}}, {@code struct_value{fields}}) into plain Java.
 * Numbers always become {@link Double}: the wire type is a double, and guessing Long for whole
 * values would give one column different Java types from row to row.
 */
public final class ScanValues {
  private ScanValues() {}

  /** One tagged value; null for {@code null_value}, an empty value or an absent one. */
  public static Object decode(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return null;
    }
    if (!value.isObject()) {
      return plain(value); // tolerate an untagged scalar
    }
    if (value.has("string_value")) {
      return value.get("string_value").asText();
    }
    if (value.has("number_value")) {
      return value.get("number_value").asDouble();
    }
    if (value.has("bool_value")) {
      return value.get("bool_value").asBoolean();
    }
    if (value.has("null_value")) {
      return null;
    }
    if (value.has("list_value")) {
      return decodeList(value.get("list_value").path("values"));
    }
    if (value.has("struct_value")) {
      return decodeStruct(value.get("struct_value").path("fields"));
    }
    return value.isEmpty() ? null : plain(value); // a kind added later: keep its JSON as Java
  }

  private static List<Object> decodeList(JsonNode values) {
    List<Object> list = new ArrayList<>();
    for (JsonNode v : values) {
      list.add(decode(v));
    }
    return Collections.unmodifiableList(list);
  }

  @SuppressWarnings("deprecation") // JsonNode.fields(): its replacement properties() is Jackson 2.15+
  private static Map<String, Object> decodeStruct(JsonNode fields) {
    Map<String, Object> map = new LinkedHashMap<>();
    if (fields.isArray()) { // Databricks form: [{key, value}, ...]
      for (JsonNode f : fields) {
        if (f.hasNonNull("key")) {
          map.put(f.get("key").asText(), decode(f.get("value")));
        }
      }
    } else if (fields.isObject()) { // protobuf JSON form: {name: value, ...}
      for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        map.put(f.getKey(), decode(f.getValue()));
      }
    }
    return Collections.unmodifiableMap(map);
  }

  private static Object plain(JsonNode node) {
    return Json.mapper().convertValue(node, Object.class);
  }
}
