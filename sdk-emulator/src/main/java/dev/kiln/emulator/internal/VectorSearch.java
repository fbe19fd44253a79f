package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.emulator.DeltaSyncIndexSpec;
import dev.kiln.emulator.DirectAccessIndexSpec;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Vector Search state: endpoints and indexes, direct-access upserts and deletes, and delta-sync indexes
 * synced from a SQL table with embeddings from a serving endpoint.
 */
final class VectorSearch {
  static final String DEFAULT_ENDPOINT = "kiln-vector-search";
  private static final int EMBED_BATCH = 256;
  private static final Set<String> NUMERIC_SQL_TYPES =
      Set.of("BYTE", "SHORT", "INT", "LONG", "FLOAT", "DOUBLE", "DECIMAL");

  private final Map<String, VectorEndpoint> endpoints = new LinkedHashMap<>();
  private final Map<String, VectorIndex> indexes = new LinkedHashMap<>();
  private final SqlEngine engine;
  private final ServingEndpoints serving;
  private final Clock clock;
  private final Duration provisioningTime;

  /** @param provisioningTime how long endpoints and indexes created through the API stay PROVISIONING */
  VectorSearch(SqlEngine engine, ServingEndpoints serving, Clock clock, Duration provisioningTime) {
    this.engine = engine;
    this.serving = serving;
    this.clock = clock;
    this.provisioningTime = provisioningTime;
    addEndpoint(DEFAULT_ENDPOINT, true);
  }

  Instant now() {
    return clock.instant();
  }

  // ---- endpoints

  /** Seeds an online STANDARD endpoint; an existing name is kept. */
  VectorEndpoint addEndpoint(String name, boolean replaceable) {
    return addEndpoint(name, VectorEndpoint.STANDARD, replaceable);
  }

  /**
   * Adds an endpoint of {@code type}; with {@code replaceable} false (the API) an existing name is a 409 and the
   * endpoint provisions first, else (seeding) it is online at once and an existing name is kept.
   */
  synchronized VectorEndpoint addEndpoint(String name, String type, boolean replaceable) {
    if (!type.equals(VectorEndpoint.STANDARD) && !type.equals(VectorEndpoint.STORAGE_OPTIMIZED)) {
      throw ApiException.invalidParameter("endpoint_type must be STANDARD or STORAGE_OPTIMIZED, got '" + type + "'.");
    }
    if (name == null || name.isBlank()) {
      throw ApiException.invalidParameter("An endpoint name is required.");
    }
    VectorEndpoint existing = endpoints.get(name);
    if (existing != null) {
      if (!replaceable) {
        throw ApiException.alreadyExists("Endpoint with name " + name + " already exists.");
      }
      return existing;
    }
    Instant now = clock.instant();
    VectorEndpoint endpoint = new VectorEndpoint(name, type, now, replaceable ? now : now.plus(provisioningTime));
    endpoints.put(name, endpoint);
    return endpoint;
  }

  synchronized List<VectorEndpoint> endpoints() {
    return new ArrayList<>(endpoints.values());
  }

  synchronized VectorEndpoint requireEndpoint(String name) {
    VectorEndpoint endpoint = name == null ? null : endpoints.get(name);
    if (endpoint == null) {
      throw ApiException.notFound("Vector search endpoint " + name + " not found.");
    }
    return endpoint;
  }

  /** Deletes an endpoint together with the indexes it serves. */
  synchronized void deleteEndpoint(String name) {
    requireEndpoint(name);
    indexes.values().removeIf(index -> index.endpointName().equals(name));
    endpoints.remove(name);
  }

  synchronized int indexCount(String endpointName) {
    return (int) indexes.values().stream().filter(index -> index.endpointName().equals(endpointName)).count();
  }

  // ---- indexes

  VectorIndex addDirectAccess(DirectAccessIndexSpec spec, boolean replaceable) {
    String endpoint = spec.endpointName().orElse(DEFAULT_ENDPOINT);
    spec.embeddingModelEndpointName().ifPresent(serving::require);
    return register(VectorIndex.directAccess(spec, endpoint), replaceable);
  }

  /** Registers the index and runs its first sync. */
  VectorIndex addDeltaSync(DeltaSyncIndexSpec spec, boolean replaceable) {
    String endpoint = spec.endpointName().orElse(DEFAULT_ENDPOINT);
    serving.require(spec.embeddingModelEndpointName());
    VectorIndex index = VectorIndex.deltaSync(spec, endpoint);
    sync(index); // before registering, so a failing first sync leaves nothing behind
    return register(index, replaceable);
  }

  /** Through the API ({@code replaceable} false) an index provisions until after its endpoint is online. */
  private synchronized VectorIndex register(VectorIndex index, boolean replaceable) {
    VectorEndpoint endpoint = requireEndpoint(index.endpointName());
    if (!replaceable && indexes.containsKey(index.name())) {
      throw ApiException.alreadyExists("Index " + index.name() + " already exists.");
    }
    if (!replaceable) {
      Instant start = endpoint.onlineAt().isAfter(clock.instant()) ? endpoint.onlineAt() : clock.instant();
      index.provisionUntil(start.plus(provisioningTime));
    }
    indexes.put(index.name(), index);
    return index;
  }

  synchronized VectorIndex requireIndex(String name) {
    VectorIndex index = indexes.get(name);
    if (index == null) {
      throw ApiException.notFound("Index " + name + " does not exist.");
    }
    return index;
  }

  synchronized List<VectorIndex> indexesOn(String endpointName) {
    List<VectorIndex> list = new ArrayList<>();
    for (VectorIndex index : indexes.values()) {
      if (index.endpointName().equals(endpointName)) {
        list.add(index);
      }
    }
    return list;
  }

  synchronized void deleteIndex(String name) {
    requireIndex(name);
    indexes.remove(name);
  }

  /** Re-reads a delta-sync index's source table and re-embeds it. */
  void sync(String name) {
    VectorIndex index = requireIndex(name);
    if (index.type() != VectorIndex.Type.DELTA_SYNC) {
      throw ApiException.invalidParameter("Index " + name + " is not a delta sync index; only those can be synced.");
    }
    sync(index);
  }

  private void sync(VectorIndex index) {
    DeltaSyncIndexSpec spec = index.deltaSync();
    try {
      Map<String, String> tableColumns = describe(spec.sourceTable());
      List<String> synced = syncedColumns(spec, tableColumns);
      List<Map<String, Object>> table = engine.query("SELECT * FROM " + spec.sourceTable());
      List<String> texts = new ArrayList<>(table.size());
      for (Map<String, Object> row : table) {
        Object text = row.get(spec.embeddingSourceColumn());
        texts.add(text == null ? "" : text.toString());
      }
      List<float[]> vectors = embed(spec.embeddingModelEndpointName(), texts);
      List<VectorIndex.Row> rows = new ArrayList<>(table.size());
      for (int i = 0; i < table.size(); i++) {
        ObjectNode fields = Json.object();
        for (String column : synced) {
          fields.set(column, jsonValue(table.get(i).get(column)));
        }
        String key = VectorIndex.keyText(fields.get(spec.primaryKey()));
        if (key != null) {
          rows.add(new VectorIndex.Row(key, fields, vectors.get(i)));
        }
      }
      int dimension = vectors.isEmpty() ? embed(spec.embeddingModelEndpointName(), List.of("")).get(0).length
          : vectors.get(0).length;
      boolean numericKey = NUMERIC_SQL_TYPES.contains(tableColumns.get(spec.primaryKey()));
      index.replaceAll(synced, numericKey, dimension, rows);
    } catch (IllegalArgumentException e) {
      index.syncFailed(e.getMessage());
      throw ApiException.invalidParameter("Cannot sync index " + index.name() + ": " + e.getMessage());
    } catch (ApiException e) {
      index.syncFailed(e.getMessage());
      throw e;
    }
  }

  /** Column name → Databricks type name of the table, in table order. */
  private Map<String, String> describe(String table) {
    Map<String, String> columns = new LinkedHashMap<>();
    for (ResultColumn column : engine.describeQuery("SELECT * FROM " + table)) {
      columns.put(column.name(), column.type().typeName());
    }
    return columns;
  }

  private static List<String> syncedColumns(DeltaSyncIndexSpec spec, Map<String, String> tableColumns) {
    Set<String> wanted = new LinkedHashSet<>();
    wanted.add(spec.primaryKey());
    wanted.add(spec.embeddingSourceColumn());
    wanted.addAll(spec.columnsToSync().isEmpty() ? tableColumns.keySet() : spec.columnsToSync());
    for (String column : wanted) {
      if (!tableColumns.containsKey(column)) {
        throw new IllegalArgumentException("column '" + column + "' is not in source table " + spec.sourceTable()
            + " (columns: " + tableColumns.keySet() + ")");
      }
    }
    List<String> ordered = new ArrayList<>();
    for (String column : tableColumns.keySet()) {
      if (wanted.contains(column)) {
        ordered.add(column);
      }
    }
    return ordered;
  }

  private List<float[]> embed(String endpoint, List<String> texts) {
    List<float[]> vectors = new ArrayList<>(texts.size());
    for (int from = 0; from < texts.size(); from += EMBED_BATCH) {
      vectors.addAll(serving.embed(endpoint, texts.subList(from, Math.min(texts.size(), from + EMBED_BATCH))));
    }
    return vectors;
  }

  /** A JDBC value as the JSON a query returns: numbers and booleans as such, anything else as text. */
  private static JsonNode jsonValue(Object value) {
    JsonNodeFactory nodes = Json.MAPPER.getNodeFactory();
    if (value == null) {
      return nodes.nullNode();
    }
    if (value instanceof Boolean) {
      return nodes.booleanNode((Boolean) value);
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      return nodes.numberNode(((Number) value).longValue());
    }
    if (value instanceof BigInteger) {
      return nodes.numberNode((BigInteger) value);
    }
    if (value instanceof BigDecimal) {
      return nodes.numberNode((BigDecimal) value);
    }
    if (value instanceof Number) {
      double number = ((Number) value).doubleValue();
      return Double.isFinite(number) ? nodes.numberNode(number) : nodes.textNode(value.toString());
    }
    if (value instanceof Array) {
      try {
        ArrayNode list = nodes.arrayNode();
        for (Object element : (Object[]) ((Array) value).getArray()) {
          list.add(jsonValue(element));
        }
        return list;
      } catch (SQLException e) {
        return nodes.textNode(value.toString());
      }
    }
    return nodes.textNode(value.toString());
  }

  // ---- direct-access writes

  /** {@code upsert-data}: each row is checked on its own; bad rows are reported, good ones stored. */
  ObjectNode upsert(VectorIndex index, JsonNode inputs) {
    DirectAccessIndexSpec spec = requireDirect(index, "upsert-data");
    if (!inputs.isArray()) {
      throw ApiException.invalidParameter("inputs_json must be a JSON list of rows.");
    }
    int succeeded = 0;
    ArrayNode failedKeys = Json.array();
    int failed = 0;
    for (JsonNode input : inputs) {
      String key = input.isObject() ? VectorIndex.keyText(input.get(spec.primaryKey())) : null;
      float[] vector = key == null ? null : validRow(spec, (ObjectNode) input);
      if (vector == null) {
        failed++;
        if (key != null) {
          failedKeys.add(key);
        }
        continue;
      }
      index.put(new VectorIndex.Row(key, ((ObjectNode) input).deepCopy(), vector));
      succeeded++;
    }
    return writeResult(succeeded, failed, failedKeys);
  }

  /** The row's vector when the row fits the index (known columns, right types and dimension), else null. */
  private static float[] validRow(DirectAccessIndexSpec spec, ObjectNode row) {
    if (!spec.schema().isEmpty()) {
      for (String column : (Iterable<String>) row::fieldNames) {
        if (!spec.schema().containsKey(column) || !fitsType(VectorIndex.typeOf(spec, column), row.get(column))) {
          return null;
        }
      }
    }
    JsonNode vector = row.get(spec.embeddingVectorColumn());
    if (vector == null || !vector.isArray() || vector.size() != spec.embeddingDimension()) {
      return null;
    }
    float[] values = new float[vector.size()];
    for (int i = 0; i < values.length; i++) {
      if (!vector.get(i).isNumber()) {
        return null;
      }
      values[i] = (float) vector.get(i).asDouble();
    }
    return values;
  }

  private static boolean fitsType(String type, JsonNode value) {
    if (value.isNull() || type.isEmpty()) {
      return true;
    }
    if (VectorIndex.NUMERIC_TYPES.contains(type)) {
      return value.isNumber();
    }
    if (type.equals("string")) {
      return value.isTextual();
    }
    if (type.equals("boolean")) {
      return value.isBoolean();
    }
    if (type.startsWith("array")) {
      return value.isArray();
    }
    return true; // date, timestamp, struct, ...: not checked
  }

  /** {@code delete-data}: removes the rows with these keys; unknown keys are not an error. */
  ObjectNode delete(VectorIndex index, List<String> keys) {
    requireDirect(index, "delete-data");
    for (String key : keys) {
      index.remove(normalizedKey(index, key));
    }
    return writeResult(keys.size(), 0, Json.array());
  }

  /** A key given as text (query parameter, scan position) in the index's key form. */
  static String normalizedKey(VectorIndex index, String key) {
    if (index.numericKey()) {
      try {
        return VectorIndex.keyText(Json.MAPPER.getNodeFactory().numberNode(new BigDecimal(key.trim())));
      } catch (NumberFormatException notANumber) {
        return key;
      }
    }
    return key;
  }

  private static DirectAccessIndexSpec requireDirect(VectorIndex index, String operation) {
    if (index.type() != VectorIndex.Type.DIRECT_ACCESS) {
      throw ApiException.invalidParameter(
          operation + " is only supported for direct access indexes; " + index.name() + " is a delta sync index.");
    }
    return index.direct();
  }

  private static ObjectNode writeResult(int succeeded, int failed, ArrayNode failedKeys) {
    ObjectNode json = Json.object();
    json.put("status", failed == 0 ? "SUCCESS" : succeeded == 0 ? "FAILURE" : "PARTIAL_SUCCESS");
    ObjectNode result = json.putObject("result");
    result.put("success_row_count", succeeded);
    result.set("failed_primary_keys", failedKeys);
    return json;
  }
}
