package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.emulator.internal.Namespace.ColumnRef;
import dev.kiln.emulator.internal.Namespace.TableRef;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Unity Catalog 2.1 over the SQL engine's own catalog: catalogs, schemas and tables are the engine's (a table
 * created by a statement is listed here with its real columns; a catalog or schema created here is usable in
 * SQL at once). What DuckDB does not keep (comments of catalogs and schemas, owners, properties, times),
 * volumes and grants live in memory beside it. Names are checked as Unity Catalog does (at most 255
 * characters per part; no period, space, slash or control character) and stored in lower case.
 */
final class UnityCatalogApi implements WorkspaceApi {
  private static final String BASE = "/api/2.1/unity-catalog";
  private static final int MAX_PAGE_SIZE = 1000;
  private static final int MAX_TABLE_PAGE_SIZE = 50;

  /** Privileges Unity Catalog accepts in grants. */
  static final Set<String> PRIVILEGES = Set.of("ALL_PRIVILEGES", "USE_CATALOG", "USE_SCHEMA", "SELECT", "MODIFY",
      "BROWSE", "MANAGE", "EXECUTE", "REFRESH", "APPLY_TAG", "READ_VOLUME", "WRITE_VOLUME", "READ_FILES",
      "WRITE_FILES", "CREATE_SCHEMA", "CREATE_TABLE", "CREATE_VIEW", "CREATE_FUNCTION", "CREATE_VOLUME",
      "CREATE_MODEL", "CREATE_MATERIALIZED_VIEW", "CREATE_CATALOG", "CREATE_EXTERNAL_LOCATION",
      "CREATE_STORAGE_CREDENTIAL", "CREATE_CONNECTION", "USE_CONNECTION", "CREATE_FOREIGN_CATALOG",
      "CREATE_MANAGED_STORAGE", "CREATE_EXTERNAL_TABLE", "CREATE_EXTERNAL_VOLUME", "READ_PRIVATE_FILES",
      "WRITE_PRIVATE_FILES", "CREATE_SHARE", "CREATE_RECIPIENT", "CREATE_PROVIDER", "USE_SHARE", "USE_RECIPIENT",
      "USE_PROVIDER", "SET_SHARE_PERMISSION", "USE_MARKETPLACE_ASSETS", "CREATE_CLEAN_ROOM", "MODIFY_CLEAN_ROOM",
      "EXECUTE_CLEAN_ROOM_TASK", "CREATE_SERVICE_CREDENTIAL", "ACCESS", "CREATE_FOREIGN_SECURABLE");

  /** Securable types and the number of parts of their names (0: one free-form name). */
  private static final Map<String, Integer> SECURABLES = Map.ofEntries(
      Map.entry("metastore", 0), Map.entry("catalog", 1), Map.entry("schema", 2), Map.entry("table", 3),
      Map.entry("volume", 3), Map.entry("function", 3), Map.entry("registered_model", 3),
      Map.entry("external_location", 0), Map.entry("storage_credential", 0), Map.entry("credential", 0),
      Map.entry("connection", 0), Map.entry("share", 0), Map.entry("recipient", 0), Map.entry("provider", 0),
      Map.entry("clean_room", 0));

  private final SqlEngine engine;
  private final Clock clock;
  /** Per securable ("catalog:main", "schema:main.sales", ...): what the engine does not keep. */
  private final Map<String, ObjectNode> metadata = new ConcurrentHashMap<>();
  private final Map<String, ObjectNode> volumes = new ConcurrentHashMap<>();
  /** Per securable: principal → privileges, in grant order. */
  private final Map<String, Map<String, Set<String>>> grants = new ConcurrentHashMap<>();

  UnityCatalogApi(SqlEngine engine, Clock clock) {
    this.engine = engine;
    this.clock = clock;
  }

  @Override
  public void register(Router router) {
    router.get(BASE + "/catalogs", this::listCatalogs);
    router.post(BASE + "/catalogs", this::createCatalog);
    router.get(BASE + "/catalogs/{name}", r -> Response.ok(catalogJson(existingCatalog(r.pathParam("name")))));
    router.patch(BASE + "/catalogs/{name}", this::updateCatalog);
    router.delete(BASE + "/catalogs/{name}", this::deleteCatalog);
    router.get(BASE + "/schemas", this::listSchemas);
    router.post(BASE + "/schemas", this::createSchema);
    router.get(BASE + "/schemas/{full_name}", r -> Response.ok(schemaJson(existingSchema(r.pathParam("full_name")))));
    router.patch(BASE + "/schemas/{full_name}", this::updateSchema);
    router.delete(BASE + "/schemas/{full_name}", this::deleteSchema);
    router.get(BASE + "/tables", this::listTables);
    router.get(BASE + "/tables/{full_name}", r -> Response.ok(tableJson(existingTable(r.pathParam("full_name")))));
    router.get(BASE + "/tables/{full_name}/exists", this::tableExists);
    router.delete(BASE + "/tables/{full_name}", this::deleteTable);
    router.get(BASE + "/table-summaries", this::tableSummaries);
    router.get(BASE + "/volumes", this::listVolumes);
    router.post(BASE + "/volumes", this::createVolume);
    router.get(BASE + "/volumes/{name}", r -> Response.ok(existingVolume(r.pathParam("name"))));
    router.delete(BASE + "/volumes/{name}", this::deleteVolume);
    router.get(BASE + "/permissions/{type}/{full_name}", r -> grantsReply(r, false));
    router.patch(BASE + "/permissions/{type}/{full_name}", this::updateGrants);
    router.get(BASE + "/effective-permissions/{type}/{full_name}", r -> grantsReply(r, true));
  }

  // ---- names ----------------------------------------------------------------------------------

  /** Splits and checks a full name of {@code parts} parts; lower case, as Unity Catalog stores names. */
  static List<String> name(String fullName, int parts, String what) {
    String[] split = fullName.split("\\.", -1);
    if (split.length != parts) {
      throw ApiException.invalidParameter("Invalid " + what + " name '" + fullName + "': expected " + parts
          + " part(s) separated by '.'.");
    }
    List<String> out = new ArrayList<>();
    for (String part : split) {
      out.add(part(part, what));
    }
    return out;
  }

  static String part(String part, String what) {
    if (part == null || part.isEmpty()) {
      throw ApiException.invalidParameter("The " + what + " name must not be empty.");
    }
    if (part.length() > 255) {
      throw ApiException.invalidParameter("The " + what + " name is longer than 255 characters.");
    }
    for (char c : part.toCharArray()) {
      if (c == '.' || c == ' ' || c == '/' || c < 0x20 || c == 0x7F) {
        throw ApiException.invalidParameter("The " + what + " name '" + part
            + "' contains characters that are not allowed (period, space, forward slash or control characters).");
      }
    }
    return part.toLowerCase(Locale.ROOT);
  }

  private static String required(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || !value.isTextual() || value.asText().isEmpty()) {
      throw ApiException.invalidParameter("Missing required field: " + field);
    }
    return value.asText();
  }

  private static String requiredQuery(Request request, String name) {
    return request.queryParam(name).filter(v -> !v.isEmpty())
        .orElseThrow(() -> ApiException.invalidParameter("Missing required field: " + name));
  }

  private static ApiException notFound(String code, String message) {
    return new ApiException(404, code, message);
  }

  // ---- metadata kept beside the engine ------------------------------------------------------

  private ObjectNode meta(String key) {
    return metadata.computeIfAbsent(key, k -> {
      ObjectNode m = Json.object();
      long now = clock.millis();
      m.put("owner", LocalIdentity.USER_NAME);
      m.put("created_at", now);
      m.put("created_by", LocalIdentity.USER_NAME);
      m.put("updated_at", now);
      m.put("updated_by", LocalIdentity.USER_NAME);
      m.putObject("properties");
      return m;
    });
  }

  private static void copyAudit(ObjectNode meta, ObjectNode json) {
    for (String field : new String[] {"owner", "comment", "properties", "created_at", "created_by", "updated_at",
        "updated_by"}) {
      if (meta.has(field) && !(field.equals("properties") && meta.get(field).isEmpty())) {
        json.set(field, meta.get(field));
      }
    }
  }

  /** Applies {@code comment}, {@code owner}, {@code properties} of a create or update body. */
  private void applyUpdate(ObjectNode meta, JsonNode body) {
    if (body.hasNonNull("comment")) {
      meta.put("comment", body.get("comment").asText());
    }
    if (body.hasNonNull("owner")) {
      meta.put("owner", body.get("owner").asText());
    }
    if (body.has("properties")) {
      JsonNode properties = body.get("properties");
      if (!properties.isObject()) {
        throw ApiException.invalidParameter("properties must be an object of strings.");
      }
      meta.set("properties", properties.deepCopy());
    }
    meta.put("updated_at", clock.millis());
    meta.put("updated_by", LocalIdentity.USER_NAME);
  }

  // ---- catalogs -------------------------------------------------------------------------------

  private String existingCatalog(String name) {
    String catalog = part(name, "catalog");
    if (!engine.withConnection(c -> Namespace.catalogExists(c, catalog))) {
      throw notFound("CATALOG_DOES_NOT_EXIST", "Catalog '" + catalog + "' does not exist.");
    }
    return catalog;
  }

  private ObjectNode catalogJson(String catalog) {
    ObjectNode json = Json.object();
    json.put("name", catalog);
    json.put("full_name", catalog);
    json.put("catalog_type", "MANAGED_CATALOG");
    json.put("metastore_id", "kiln-local-metastore");
    json.put("isolation_mode", "OPEN");
    ObjectNode meta = meta("catalog:" + catalog);
    if (meta.has("storage_root")) {
      json.set("storage_root", meta.get("storage_root"));
    }
    copyAudit(meta, json);
    return json;
  }

  private Response listCatalogs(Request request) {
    List<String> catalogs = engine.withConnection(Namespace::catalogs);
    return Pages.reply(request, catalogs, MAX_PAGE_SIZE, "catalogs", this::catalogJson, "max_results");
  }

  private Response createCatalog(Request request) {
    JsonNode body = request.json();
    String catalog = part(required(body, "name"), "catalog");
    if (engine.withConnection(c -> Namespace.catalogExists(c, catalog))) {
      throw new ApiException(409, "CATALOG_ALREADY_EXISTS", "Catalog '" + catalog + "' already exists.");
    }
    if (catalog.equals("system") || catalog.equals("temp") || catalog.equals("memory")) {
      throw ApiException.invalidParameter("The catalog name '" + catalog + "' is reserved.");
    }
    engine.createCatalog(catalog);
    ObjectNode meta = meta("catalog:" + catalog);
    if (body.hasNonNull("storage_root")) {
      meta.put("storage_root", body.get("storage_root").asText());
    }
    applyUpdate(meta, body);
    return Response.ok(catalogJson(catalog));
  }

  private Response updateCatalog(Request request) {
    String catalog = existingCatalog(request.pathParam("name"));
    JsonNode body = request.json();
    refuseRename(body, catalog);
    applyUpdate(meta("catalog:" + catalog), body);
    return Response.ok(catalogJson(catalog));
  }

  private static void refuseRename(JsonNode body, String current) {
    if (body.hasNonNull("new_name") && !body.get("new_name").asText().equalsIgnoreCase(current)) {
      throw new ApiException(501, "NOT_IMPLEMENTED", "Renaming is not supported by the local workspace.");
    }
  }

  private Response deleteCatalog(Request request) {
    String catalog = existingCatalog(request.pathParam("name"));
    boolean force = request.queryParam("force").map(Boolean::parseBoolean).orElse(false);
    if (catalog.equals(Namespace.DEFAULT_CATALOG)) {
      throw ApiException.invalidParameter("The local workspace keeps its default catalog 'main'.");
    }
    boolean empty = engine.withConnection(c -> Namespace.schemas(c, catalog).equals(List.of(Namespace.DEFAULT_SCHEMA))
        && Namespace.tables(c, catalog, null, null).isEmpty());
    if (!empty && !force) {
      throw new ApiException(400, "CATALOG_NOT_EMPTY",
          "Catalog '" + catalog + "' is not empty. Use force=true to delete it with its contents.");
    }
    engine.withConnection(c -> {
      try (java.sql.Statement s = c.createStatement()) {
        s.execute("DETACH " + SparkSqlTranslator.quote(Namespace.toDuckCatalog(catalog)));
      }
      return null;
    });
    forget(catalog + ".");
    metadata.remove("catalog:" + catalog);
    grants.remove("catalog:" + catalog);
    return Response.ok(Json.object());
  }

  /** Drops what is kept in memory for everything under {@code prefix} ("cat." or "cat.schema."). */
  private void forget(String prefix) {
    metadata.keySet().removeIf(k -> k.substring(k.indexOf(':') + 1).startsWith(prefix));
    grants.keySet().removeIf(k -> k.substring(k.indexOf(':') + 1).startsWith(prefix));
    volumes.keySet().removeIf(k -> k.startsWith(prefix));
  }

  // ---- schemas --------------------------------------------------------------------------------

  private List<String> existingSchema(String fullName) {
    List<String> name = name(fullName, 2, "schema");
    existingCatalog(name.get(0));
    if (!engine.withConnection(c -> Namespace.schemaExists(c, name.get(0), name.get(1)))) {
      throw notFound("SCHEMA_DOES_NOT_EXIST", "Schema '" + String.join(".", name) + "' does not exist.");
    }
    return name;
  }

  private ObjectNode schemaJson(List<String> name) {
    ObjectNode json = Json.object();
    json.put("name", name.get(1));
    json.put("catalog_name", name.get(0));
    json.put("full_name", name.get(0) + "." + name.get(1));
    json.put("metastore_id", "kiln-local-metastore");
    ObjectNode meta = meta("schema:" + name.get(0) + "." + name.get(1));
    if (meta.has("storage_root")) {
      json.set("storage_root", meta.get("storage_root"));
    }
    copyAudit(meta, json);
    return json;
  }

  private Response listSchemas(Request request) {
    String catalog = existingCatalog(requiredQuery(request, "catalog_name"));
    List<String> schemas = engine.withConnection(c -> Namespace.schemas(c, catalog));
    return Pages.reply(request, schemas, MAX_PAGE_SIZE, "schemas", s -> schemaJson(List.of(catalog, s)),
        "max_results");
  }

  private Response createSchema(Request request) {
    JsonNode body = request.json();
    String catalog = existingCatalog(part(required(body, "catalog_name"), "catalog"));
    String schema = part(required(body, "name"), "schema");
    if (engine.withConnection(c -> Namespace.schemaExists(c, catalog, schema))) {
      throw new ApiException(409, "SCHEMA_ALREADY_EXISTS", "Schema '" + catalog + "." + schema + "' already exists.");
    }
    engine.withConnection(c -> {
      try (java.sql.Statement s = c.createStatement()) {
        s.execute("CREATE SCHEMA " + Namespace.duckSchemaPath(catalog, schema));
      }
      return null;
    });
    ObjectNode meta = meta("schema:" + catalog + "." + schema);
    if (body.hasNonNull("storage_root")) {
      meta.put("storage_root", body.get("storage_root").asText());
    }
    applyUpdate(meta, body);
    return Response.ok(schemaJson(List.of(catalog, schema)));
  }

  private Response updateSchema(Request request) {
    List<String> name = existingSchema(request.pathParam("full_name"));
    JsonNode body = request.json();
    refuseRename(body, name.get(1));
    applyUpdate(meta("schema:" + String.join(".", name)), body);
    return Response.ok(schemaJson(name));
  }

  private Response deleteSchema(Request request) {
    List<String> name = existingSchema(request.pathParam("full_name"));
    boolean force = request.queryParam("force").map(Boolean::parseBoolean).orElse(false);
    if (name.get(1).equals(Namespace.DEFAULT_SCHEMA)) {
      throw ApiException.invalidParameter("The local workspace keeps the schema 'default' of every catalog.");
    }
    String prefix = String.join(".", name) + ".";
    boolean empty = engine.withConnection(c -> Namespace.tables(c, name.get(0), name.get(1), null).isEmpty())
        && volumes.keySet().stream().noneMatch(k -> k.startsWith(prefix));
    if (!empty && !force) {
      throw new ApiException(400, "SCHEMA_NOT_EMPTY",
          "Schema '" + String.join(".", name) + "' is not empty. Use force=true to delete it with its contents.");
    }
    engine.withConnection(c -> {
      try (java.sql.Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA " + Namespace.duckSchemaPath(name.get(0), name.get(1)) + " CASCADE");
      }
      return null;
    });
    forget(prefix);
    metadata.remove("schema:" + String.join(".", name));
    grants.remove("schema:" + String.join(".", name));
    return Response.ok(Json.object());
  }

  // ---- tables ---------------------------------------------------------------------------------

  private TableRef existingTable(String fullName) {
    List<String> name = name(fullName, 3, "table");
    existingSchema(name.get(0) + "." + name.get(1));
    List<TableRef> found = engine.withConnection(c -> Namespace.tables(c, name.get(0), name.get(1), name.get(2)));
    if (found.isEmpty()) {
      throw notFound("TABLE_DOES_NOT_EXIST", "Table '" + String.join(".", name) + "' does not exist.");
    }
    return found.get(0);
  }

  private ObjectNode tableJson(TableRef table) {
    String fullName = table.fullName().toLowerCase(Locale.ROOT);
    ObjectNode json = Json.object();
    json.put("name", table.name);
    json.put("catalog_name", table.catalog);
    json.put("schema_name", table.schema);
    json.put("full_name", table.fullName());
    json.put("table_type", table.view ? "VIEW" : "MANAGED");
    ObjectNode meta = meta("table:" + fullName);
    if (!meta.has("table_id")) {
      meta.put("table_id", Ids.uuid());
    }
    json.set("table_id", meta.get("table_id"));
    if (table.view) {
      json.put("view_definition", table.viewDefinition);
    } else {
      json.put("data_source_format", "DELTA");
      json.put("storage_location", "kiln-local://tables/" + meta.get("table_id").asText());
    }
    ArrayNode columns = json.putArray("columns");
    for (ColumnRef column : engine.withConnection(c -> Namespace.columns(c, table))) {
      ObjectNode col = columns.addObject();
      col.put("name", column.name);
      col.put("position", column.position);
      col.put("type_name", column.type.typeName());
      col.put("type_text", column.type.catalogString());
      if (column.type.precision() != null) {
        col.put("type_precision", column.type.precision());
        col.put("type_scale", column.type.scale());
      } else {
        col.put("type_precision", 0);
        col.put("type_scale", 0);
      }
      col.put("nullable", column.nullable);
      if (column.comment != null) {
        col.put("comment", column.comment);
      }
    }
    copyAudit(meta, json);
    if (table.comment != null) {
      json.put("comment", table.comment);
    }
    return json;
  }

  private Response listTables(Request request) {
    List<String> schema = existingSchema(part(requiredQuery(request, "catalog_name"), "catalog") + "."
        + part(requiredQuery(request, "schema_name"), "schema"));
    List<TableRef> tables = engine.withConnection(c -> Namespace.tables(c, schema.get(0), schema.get(1), null));
    return Pages.reply(request, tables, MAX_TABLE_PAGE_SIZE, "tables", this::tableJson, "max_results");
  }

  private Response tableExists(Request request) {
    List<String> name = name(request.pathParam("full_name"), 3, "table");
    boolean exists = engine.withConnection(c -> Namespace.catalogExists(c, name.get(0))
        && Namespace.schemaExists(c, name.get(0), name.get(1))
        && !Namespace.tables(c, name.get(0), name.get(1), name.get(2)).isEmpty());
    ObjectNode json = Json.object();
    json.put("table_exists", exists);
    return Response.ok(json);
  }

  private Response deleteTable(Request request) {
    TableRef table = existingTable(request.pathParam("full_name"));
    engine.withConnection(c -> {
      try (java.sql.Statement s = c.createStatement()) {
        s.execute("DROP " + (table.view ? "VIEW " : "TABLE ")
            + Namespace.duckTablePath(table.catalog, table.schema, table.name));
      }
      return null;
    });
    String fullName = table.fullName().toLowerCase(Locale.ROOT);
    metadata.remove("table:" + fullName);
    grants.remove("table:" + fullName);
    return Response.ok(Json.object());
  }

  private Response tableSummaries(Request request) {
    String catalog = existingCatalog(requiredQuery(request, "catalog_name"));
    String schemaPattern = request.queryParam("schema_name_pattern").orElse(null);
    String tablePattern = request.queryParam("table_name_pattern").orElse(null);
    List<TableRef> tables = new ArrayList<>();
    for (TableRef t : engine.withConnection(c -> Namespace.tables(c, catalog, null, null))) {
      if (Namespace.matches(schemaPattern, t.schema) && Namespace.matches(tablePattern, t.name)) {
        tables.add(t);
      }
    }
    return Pages.reply(request, tables, MAX_PAGE_SIZE, "tables", t -> {
      ObjectNode json = Json.object();
      json.put("full_name", t.fullName());
      json.put("table_type", t.view ? "VIEW" : "MANAGED");
      return json;
    }, "max_results");
  }

  // ---- volumes --------------------------------------------------------------------------------

  private ObjectNode existingVolume(String fullName) {
    List<String> name = name(fullName, 3, "volume");
    ObjectNode volume = volumes.get(String.join(".", name));
    if (volume == null) {
      throw notFound("VOLUME_DOES_NOT_EXIST", "Volume '" + String.join(".", name) + "' does not exist.");
    }
    return volume;
  }

  private Response listVolumes(Request request) {
    List<String> schema = existingSchema(part(requiredQuery(request, "catalog_name"), "catalog") + "."
        + part(requiredQuery(request, "schema_name"), "schema"));
    String prefix = String.join(".", schema) + ".";
    List<ObjectNode> found = new ArrayList<>();
    volumes.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).sorted(Map.Entry.comparingByKey())
        .forEach(e -> found.add(e.getValue()));
    return Pages.reply(request, found, MAX_PAGE_SIZE, "volumes", v -> v, "max_results");
  }

  private Response createVolume(Request request) {
    JsonNode body = request.json();
    String catalog = part(required(body, "catalog_name"), "catalog");
    String schema = part(required(body, "schema_name"), "schema");
    String name = part(required(body, "name"), "volume");
    existingSchema(catalog + "." + schema);
    String type = required(body, "volume_type");
    String location = body.hasNonNull("storage_location") ? body.get("storage_location").asText() : null;
    if (type.equals("EXTERNAL") && (location == null || location.isEmpty())) {
      throw ApiException.invalidParameter("An EXTERNAL volume needs a storage_location.");
    }
    if (type.equals("MANAGED") && location != null) {
      throw ApiException.invalidParameter("A MANAGED volume cannot have a storage_location.");
    }
    if (!type.equals("EXTERNAL") && !type.equals("MANAGED")) {
      throw ApiException.invalidParameter("volume_type must be MANAGED or EXTERNAL, got '" + type + "'.");
    }
    String fullName = catalog + "." + schema + "." + name;
    ObjectNode volume = Json.object();
    volume.put("name", name);
    volume.put("catalog_name", catalog);
    volume.put("schema_name", schema);
    volume.put("full_name", fullName);
    volume.put("volume_type", type);
    String id = Ids.uuid();
    volume.put("volume_id", id);
    volume.put("storage_location", location != null ? location : "kiln-local://volumes/" + id);
    volume.put("owner", LocalIdentity.USER_NAME);
    if (body.hasNonNull("comment")) {
      volume.put("comment", body.get("comment").asText());
    }
    long now = clock.millis();
    volume.put("created_at", now);
    volume.put("updated_at", now);
    if (volumes.putIfAbsent(fullName, volume) != null) {
      throw new ApiException(409, "VOLUME_ALREADY_EXISTS", "Volume '" + fullName + "' already exists.");
    }
    return Response.ok(volume);
  }

  private Response deleteVolume(Request request) {
    ObjectNode volume = existingVolume(request.pathParam("name"));
    volumes.remove(volume.get("full_name").asText());
    grants.remove("volume:" + volume.get("full_name").asText());
    return Response.ok(Json.object());
  }

  // ---- grants ---------------------------------------------------------------------------------

  /** The securable's key ("table:main.sales.orders"), after checking that it exists. */
  private String securable(Request request) {
    String type = request.pathParam("type").toLowerCase(Locale.ROOT);
    Integer parts = SECURABLES.get(type);
    if (parts == null) {
      throw ApiException.invalidParameter("Unknown securable type '" + request.pathParam("type") + "'.");
    }
    String fullName = request.pathParam("full_name");
    switch (type) {
      case "catalog":
        return "catalog:" + existingCatalog(fullName);
      case "schema":
        return "schema:" + String.join(".", existingSchema(fullName));
      case "table":
        return "table:" + existingTable(fullName).fullName().toLowerCase(Locale.ROOT);
      case "volume":
        return "volume:" + existingVolume(fullName).get("full_name").asText();
      default:
        // Securables the local workspace does not model are accepted by name, so their grants can be kept.
        return type + ":" + (parts == 0 ? fullName : String.join(".", name(fullName, parts, type)));
    }
  }

  private synchronized Response grantsReply(Request request, boolean effective) {
    String key = securable(request);
    String principal = request.queryParam("principal").orElse(null);
    Map<String, Map<String, List<String[]>>> byPrincipal = new LinkedHashMap<>();
    List<String> chain = new ArrayList<>();
    chain.add(key);
    if (effective) {
      chain.addAll(parents(key));
    }
    for (String securable : chain) {
      for (Map.Entry<String, Set<String>> e : grants.getOrDefault(securable, Map.of()).entrySet()) {
        if (principal != null && !principal.equals(e.getKey())) {
          continue;
        }
        Map<String, List<String[]>> privileges = byPrincipal.computeIfAbsent(e.getKey(), p -> new LinkedHashMap<>());
        for (String privilege : e.getValue()) {
          privileges.computeIfAbsent(privilege, p -> new ArrayList<>()).add(
              securable.equals(key) ? null : securable.split(":", 2));
        }
      }
    }
    List<ObjectNode> assignments = new ArrayList<>();
    for (Map.Entry<String, Map<String, List<String[]>>> e : byPrincipal.entrySet()) {
      ObjectNode assignment = Json.object();
      assignment.put("principal", e.getKey());
      ArrayNode privileges = assignment.putArray("privileges");
      for (Map.Entry<String, List<String[]>> p : e.getValue().entrySet()) {
        if (!effective) {
          privileges.add(p.getKey());
          continue;
        }
        for (String[] source : p.getValue()) {
          ObjectNode privilege = privileges.addObject().put("privilege", p.getKey());
          if (source != null) {
            privilege.put("inherited_from_type", source[0].toUpperCase(Locale.ROOT));
            privilege.put("inherited_from_name", source[1]);
          }
        }
      }
      assignments.add(assignment);
    }
    return Pages.reply(request, assignments, MAX_PAGE_SIZE, "privilege_assignments", a -> a, "max_results");
  }

  /** The securables a grant on {@code key}'s parents reaches it from: its schema, then its catalog. */
  private static List<String> parents(String key) {
    String[] typeAndName = key.split(":", 2);
    String[] parts = typeAndName[1].split("\\.");
    List<String> out = new ArrayList<>();
    if (parts.length == 3 && !typeAndName[0].equals("catalog")) {
      out.add("schema:" + parts[0] + "." + parts[1]);
    }
    if (parts.length >= 2) {
      out.add("catalog:" + parts[0]);
    }
    return out;
  }

  /** {@code {"changes": [{"principal", "add": [..], "remove": [..]}]}}, checked whole before anything changes. */
  private synchronized Response updateGrants(Request request) {
    String key = securable(request);
    JsonNode changes = request.json().get("changes");
    if (changes == null || !changes.isArray()) {
      throw ApiException.malformed("changes must be a list of {principal, add, remove}.");
    }
    for (JsonNode change : changes) {
      if (!change.isObject() || !change.path("principal").isTextual() || change.path("principal").asText().isBlank()) {
        throw ApiException.invalidParameter("Every change needs a principal.");
      }
      for (String field : new String[] {"add", "remove"}) {
        JsonNode list = change.get(field);
        if (list == null || list.isNull()) {
          continue;
        }
        if (!list.isArray()) {
          throw ApiException.malformed(field + " must be a list of privilege names.");
        }
        for (JsonNode privilege : list) {
          if (!privilege.isTextual()) {
            throw ApiException.malformed(field + " must be a list of privilege names, not " + privilege.getNodeType()
                .toString().toLowerCase(Locale.ROOT) + "s.");
          }
          if (!PRIVILEGES.contains(privilege.asText().toUpperCase(Locale.ROOT).replace(' ', '_'))) {
            throw ApiException.invalidParameter("Privilege " + privilege.asText() + " is not valid.");
          }
        }
      }
    }
    Map<String, Set<String>> current = grants.computeIfAbsent(key, k -> new LinkedHashMap<>());
    for (JsonNode change : changes) {
      String principal = change.get("principal").asText();
      Set<String> held = current.computeIfAbsent(principal, p -> new LinkedHashSet<>());
      change.path("add").forEach(p -> held.add(p.asText().toUpperCase(Locale.ROOT).replace(' ', '_')));
      change.path("remove").forEach(p -> held.remove(p.asText().toUpperCase(Locale.ROOT).replace(' ', '_')));
      if (held.isEmpty()) {
        current.remove(principal);
      }
    }
    ObjectNode reply = Json.object();
    ArrayNode assignments = reply.putArray("privilege_assignments");
    for (Iterator<Map.Entry<String, Set<String>>> it = current.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Set<String>> e = it.next();
      ObjectNode assignment = assignments.addObject().put("principal", e.getKey());
      ArrayNode privileges = assignment.putArray("privileges");
      e.getValue().forEach(privileges::add);
    }
    return Response.ok(reply);
  }
}
