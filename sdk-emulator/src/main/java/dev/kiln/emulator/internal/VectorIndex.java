package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.emulator.DeltaSyncIndexSpec;
import dev.kiln.emulator.DirectAccessIndexSpec;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One Vector Search index: rows kept in primary-key order (numeric keys compare as numbers), each with its
 * embedding. Direct-access indexes change through upserts and deletes; delta-sync indexes are replaced
 * wholesale by each sync. Thread-safe.
 */
final class VectorIndex {
  enum Type {
    DIRECT_ACCESS,
    DELTA_SYNC
  }

  static final Set<String> NUMERIC_TYPES =
      Set.of("int", "integer", "long", "bigint", "short", "smallint", "byte", "tinyint", "float", "double", "decimal");

  /** A stored row: its column values and its vector. */
  static final class Row {
    final String key;
    final ObjectNode fields;
    final float[] vector;

    Row(String key, ObjectNode fields, float[] vector) {
      this.key = key;
      this.fields = fields;
      this.vector = vector;
    }
  }

  private final String name;
  private final String endpointName;
  private final String primaryKey;
  private final Type type;
  private final DirectAccessIndexSpec direct;
  private final DeltaSyncIndexSpec deltaSync;
  private final String pipelineId = Ids.uuid();
  private List<String> columns;
  private boolean numericKey;
  private int dimension;
  private TreeMap<String, Row> rows;
  private boolean ready = true;
  /** Not null while the index is provisioning: it serves nothing before this instant. */
  private Instant onlineAt;
  private String message = "Index is currently online";

  private VectorIndex(String name, String endpointName, String primaryKey, DirectAccessIndexSpec direct,
      DeltaSyncIndexSpec deltaSync) {
    this.name = name;
    this.endpointName = endpointName;
    this.primaryKey = primaryKey;
    this.type = direct != null ? Type.DIRECT_ACCESS : Type.DELTA_SYNC;
    this.direct = direct;
    this.deltaSync = deltaSync;
    this.columns = direct == null || direct.schema().isEmpty() ? null : List.copyOf(direct.schema().keySet());
    this.numericKey = direct != null && NUMERIC_TYPES.contains(typeOf(direct, direct.primaryKey()));
    this.dimension = direct == null ? 0 : direct.embeddingDimension();
    this.rows = new TreeMap<>(keyOrder(numericKey));
  }

  static VectorIndex directAccess(DirectAccessIndexSpec spec, String endpointName) {
    return new VectorIndex(spec.name(), endpointName, spec.primaryKey(), spec, null);
  }

  /** Empty and not ready until its first sync. */
  static VectorIndex deltaSync(DeltaSyncIndexSpec spec, String endpointName) {
    VectorIndex index = new VectorIndex(spec.name(), endpointName, spec.primaryKey(), null, spec);
    index.ready = false;
    index.message = "Index is being created";
    return index;
  }

  /** The declared type of a direct-access column, lower case, or empty when the schema does not say. */
  static String typeOf(DirectAccessIndexSpec spec, String column) {
    String type = spec.schema().get(column);
    return type == null ? "" : type.trim().toLowerCase(Locale.ROOT);
  }

  String name() {
    return name;
  }

  String endpointName() {
    return endpointName;
  }

  String primaryKey() {
    return primaryKey;
  }

  Type type() {
    return type;
  }

  /** The spec of a direct-access index, else null. */
  DirectAccessIndexSpec direct() {
    return direct;
  }

  /** The spec of a delta-sync index, else null. */
  DeltaSyncIndexSpec deltaSync() {
    return deltaSync;
  }

  /** The column whose text is embedded and keyword-matched (delta-sync), or null (direct access: all text). */
  String textColumn() {
    return deltaSync == null ? null : deltaSync.embeddingSourceColumn();
  }

  /** The endpoint that embeds {@code query_text}, or null when queries must bring their own vector. */
  String embeddingEndpoint() {
    return deltaSync != null
        ? deltaSync.embeddingModelEndpointName()
        : direct.embeddingModelEndpointName().orElse(null);
  }

  /** The columns queries may ask for; null means any (a direct-access index without a schema). */
  synchronized List<String> columns() {
    return columns;
  }

  synchronized int dimension() {
    return dimension;
  }

  synchronized boolean numericKey() {
    return numericKey;
  }

  /** The rows in primary-key order (a snapshot). */
  synchronized List<Row> rows() {
    return new ArrayList<>(rows.values());
  }

  /** Rows after {@code lastKey} (all when null), at most {@code limit}. */
  synchronized List<Row> rowsAfter(String lastKey, int limit) {
    Map<String, Row> tail = lastKey == null ? rows : rows.tailMap(lastKey, false);
    List<Row> page = new ArrayList<>();
    for (Row row : tail.values()) {
      if (page.size() == limit) {
        break;
      }
      page.add(row);
    }
    return page;
  }

  synchronized void put(Row row) {
    rows.put(row.key, row);
  }

  synchronized boolean remove(String key) {
    return rows.remove(key) != null;
  }

  /** A delta-sync result: the table's columns and rows replace what the index held. */
  synchronized void replaceAll(List<String> syncedColumns, boolean numericKeys, int vectorDimension, List<Row> synced) {
    columns = syncedColumns;
    numericKey = numericKeys;
    dimension = vectorDimension;
    rows = new TreeMap<>(keyOrder(numericKeys));
    synced.forEach(row -> rows.put(row.key, row));
    ready = true;
    message = "Index is currently online";
  }

  /** A failed sync keeps the rows of the last good one; an index that never synced is not ready. */
  synchronized void syncFailed(String why) {
    if (rows.isEmpty()) {
      ready = false;
    }
    message = "Sync failed: " + why;
  }

  /**
   * The text form of a primary key value: numbers without trailing zeros ({@code 1.0} → {@code 1}), strings
   * as they are; null for anything else.
   */
  static String keyText(JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isNumber()) {
      BigDecimal number = value.decimalValue().stripTrailingZeros();
      return number.scale() < 0 ? number.setScale(0).toPlainString() : number.toPlainString();
    }
    return value.isTextual() ? value.asText() : null;
  }

  private static Comparator<String> keyOrder(boolean numeric) {
    if (!numeric) {
      return Comparator.naturalOrder();
    }
    return (a, b) -> {
      try {
        return new BigDecimal(a).compareTo(new BigDecimal(b));
      } catch (NumberFormatException mixed) {
        return a.compareTo(b);
      }
    };
  }

  synchronized void provisionUntil(Instant instant) {
    onlineAt = instant;
  }

  synchronized boolean provisioning(Instant now) {
    return onlineAt != null && now.isBefore(onlineAt);
  }

  /** The mini form used by list: name, endpoint, primary key, type, creator. */
  ObjectNode toSummaryJson() {
    ObjectNode json = Json.object();
    json.put("name", name);
    json.put("endpoint_name", endpointName);
    json.put("primary_key", primaryKey);
    json.put("index_type", type.name());
    json.put("creator", LocalIdentity.USER_NAME);
    return json;
  }

  synchronized ObjectNode toJson(String host, Instant now) {
    ObjectNode json = toSummaryJson();
    ObjectNode status = json.putObject("status");
    boolean provisioning = provisioning(now);
    status.put("ready", ready && !provisioning);
    status.put("indexed_row_count", provisioning ? 0 : rows.size());
    status.put("message", provisioning ? "Index is being provisioned" : message);
    status.put("detailed_state", provisioning ? "PROVISIONING_INITIAL_SNAPSHOT"
        : ready ? "ONLINE_NO_PENDING_UPDATE" : "OFFLINE_FAILED");
    String bareHost = host.replaceFirst("^https?://", "");
    status.put("index_url", bareHost + "/api/2.0/vector-search/endpoints/" + endpointName + "/indexes/" + name);
    if (direct != null) {
      json.set("direct_access_index_spec", directSpecJson());
    } else {
      json.set("delta_sync_index_spec", deltaSyncSpecJson());
    }
    return json;
  }

  private ObjectNode directSpecJson() {
    ObjectNode json = Json.object();
    json.putArray("embedding_vector_columns").addObject()
        .put("name", direct.embeddingVectorColumn()).put("embedding_dimension", direct.embeddingDimension());
    direct.embeddingModelEndpointName().ifPresent(endpoint -> json.putArray("embedding_source_columns").addObject()
        .put("embedding_model_endpoint_name", endpoint));
    ObjectNode schema = Json.object();
    direct.schema().forEach(schema::put);
    json.put("schema_json", Json.text(schema));
    return json;
  }

  private ObjectNode deltaSyncSpecJson() {
    ObjectNode json = Json.object();
    json.put("source_table", deltaSync.sourceTable());
    json.put("pipeline_type", "TRIGGERED");
    json.put("pipeline_id", pipelineId);
    json.putArray("embedding_source_columns").addObject()
        .put("name", deltaSync.embeddingSourceColumn())
        .put("embedding_model_endpoint_name", deltaSync.embeddingModelEndpointName());
    ArrayNode synced = json.putArray("columns_to_sync");
    deltaSync.columnsToSync().forEach(synced::add);
    return json;
  }
}
