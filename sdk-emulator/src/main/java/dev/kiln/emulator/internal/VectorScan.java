package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * {@code scan}: the rows after {@code last_primary_key} in primary-key order, each as {@code {"fields":
 * [{"key", "value": {string_value | number_value | bool_value | null_value | list_value{values} |
 * struct_value{fields}}}]}}; {@code data} is empty once the scan is past the last row.
 */
final class VectorScan {
  private static final int MAX_RESULTS = 1000;

  private VectorScan() {}

  static ObjectNode page(VectorIndex index, JsonNode body) {
    JsonNode last = body.get("last_primary_key");
    String after = last == null || last.isNull() || last.asText().isEmpty()
        ? null : VectorSearch.normalizedKey(index, last.asText());
    JsonNode limit = body.get("num_results");
    int numResults = limit == null || limit.isNull() ? 10 : limit.asInt(0);
    if (numResults < 1 || numResults > MAX_RESULTS) {
      throw ApiException.invalidParameter("num_results must be between 1 and " + MAX_RESULTS + ".");
    }
    List<VectorIndex.Row> rows = index.rowsAfter(after, numResults);
    ObjectNode reply = Json.object();
    ArrayNode data = reply.putArray("data");
    for (VectorIndex.Row row : rows) {
      data.addObject().set("fields", fields(row.fields));
    }
    if (!rows.isEmpty()) {
      reply.put("last_primary_key", rows.get(rows.size() - 1).key);
    }
    return reply;
  }

  private static ArrayNode fields(JsonNode object) {
    ArrayNode fields = Json.array();
    Iterator<Map.Entry<String, JsonNode>> entries = object.fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> entry = entries.next();
      fields.addObject().put("key", entry.getKey()).set("value", value(entry.getValue()));
    }
    return fields;
  }

  private static ObjectNode value(JsonNode value) {
    ObjectNode json = Json.object();
    if (value == null || value.isNull()) {
      json.put("null_value", "NULL_VALUE");
    } else if (value.isNumber()) {
      json.put("number_value", value.asDouble());
    } else if (value.isBoolean()) {
      json.put("bool_value", value.asBoolean());
    } else if (value.isArray()) {
      ArrayNode values = json.putObject("list_value").putArray("values");
      value.forEach(element -> values.add(value(element)));
    } else if (value.isObject()) {
      json.putObject("struct_value").set("fields", fields(value));
    } else {
      json.put("string_value", value.asText());
    }
    return json;
  }
}
