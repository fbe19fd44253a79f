package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SQL sessions as the drivers open them ({@code POST /api/2.0/sql/sessions} or {@code
 * /api/2.0/sql/warehouses/{id}/sessions}): a warehouse, a default catalog and schema, and session confs.
 * Statements that carry the {@code session_id} run with them. Confs the emulator cannot honour are refused.
 */
final class SqlSessions {
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();

  /** One open session; its current catalog and schema move with each USE run in it, as on a warehouse. */
  static final class Session {
    final String id;
    final String warehouseId;
    final Map<String, String> confs;
    /** Catalog and schema (each may be null: the warehouse default), swapped whole. */
    private volatile String[] namespace;

    Session(String id, String warehouseId, String catalog, String schema, Map<String, String> confs) {
      this.id = id;
      this.warehouseId = warehouseId;
      this.namespace = new String[] {catalog, schema};
      this.confs = confs;
    }

    /** The current catalog, or null for the warehouse default. */
    String catalog() {
      return namespace[0];
    }

    /** The current schema, or null for the warehouse default. */
    String schema() {
      return namespace[1];
    }

    /** What a USE statement run in the session made current. */
    void use(String catalog, String schema) {
      namespace = new String[] {catalog, schema};
    }
  }

  /** Opens a session from a create body; {@code warehouseId} is already checked. */
  Session open(String warehouseId, JsonNode body) {
    String catalog = StatementRequest.text(body, "catalog");
    String schema = StatementRequest.text(body, "schema");
    Map<String, String> confs = confs(body.path("session_confs"));
    // execution_mode (the JDBC driver sends FAST) is a scheduling hint with no effect on results.
    StatementRequest.text(body, "execution_mode");
    Session session = new Session(Ids.uuid(), warehouseId, catalog, schema, confs);
    sessions.put(session.id, session);
    return session;
  }

  Session get(String id) {
    Session session = sessions.get(id);
    if (session == null) {
      throw ApiException.notFound("Session " + id + " does not exist or was closed.");
    }
    return session;
  }

  /** Closes a session; an unknown id is a 404, as is a second close. */
  void close(String id) {
    if (sessions.remove(id) == null) {
      throw ApiException.notFound("Session " + id + " does not exist or was closed.");
    }
  }

  /**
   * The confs the emulator honours: TIMEZONE must be UTC (its only zone) and ANSI_MODE true (DuckDB's
   * behaviour); QUERY_TAGS and USE_CACHED_RESULT change no result. Anything else is refused, never ignored.
   */
  private static Map<String, String> confs(JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return Collections.emptyMap();
    }
    if (!node.isObject()) {
      throw ApiException.invalidParameter("session_confs must be an object of strings.");
    }
    Map<String, String> confs = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String key = entry.getKey().toUpperCase(Locale.ROOT);
      String value = entry.getValue().asText();
      boolean honoured;
      switch (key) {
        case "TIMEZONE":
          honoured = value.equalsIgnoreCase("UTC") || value.equalsIgnoreCase("Etc/UTC") || value.equals("Z");
          break;
        case "ANSI_MODE":
          honoured = value.equalsIgnoreCase("true");
          break;
        case "QUERY_TAGS":
        case "USE_CACHED_RESULT":
          honoured = true;
          break;
        default:
          throw ApiException.invalidParameter(
              "Configuration " + entry.getKey() + " is not available in session_confs.");
      }
      if (!honoured) {
        throw ApiException.invalidParameter(
            "The emulator cannot honour session conf " + entry.getKey() + "=" + value + ".");
      }
      confs.put(key, value);
    }
    return Collections.unmodifiableMap(confs);
  }
}
