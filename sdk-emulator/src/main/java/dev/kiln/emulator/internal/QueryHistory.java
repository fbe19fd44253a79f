package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Query history ({@code GET /api/2.0/sql/history/queries}) of every statement the workspace ran, newest first,
 * rendered from the statement's current state: filters {@code filter_by.statuses/user_ids/warehouse_ids/
 * statement_ids/query_start_time_range.*}, {@code include_metrics}, {@code max_results} (under 1000) and
 * {@code page_token}.
 */
final class QueryHistory implements WorkspaceApi {
  private static final int DEFAULT_MAX_RESULTS = 100;
  private static final int MAX_RESULTS_LIMIT = 1000;

  /** One statement as submitted. */
  private static final class Entry {
    final SqlStatement statement;
    final Instant submittedAt;
    final JsonNode tags;

    Entry(SqlStatement statement, Instant submittedAt, JsonNode tags) {
      this.statement = statement;
      this.submittedAt = submittedAt;
      this.tags = tags;
    }
  }

  private final List<Entry> entries = new CopyOnWriteArrayList<>();

  void record(SqlStatement statement, Instant submittedAt, JsonNode tags) {
    entries.add(new Entry(statement, submittedAt, tags));
  }

  @Override
  public void register(Router router) {
    router.get("/api/2.0/sql/history/queries", this::list);
  }

  private Response list(Request request) {
    Set<String> statuses = new HashSet<>(request.queryParams("filter_by.statuses"));
    Set<String> users = new HashSet<>(request.queryParams("filter_by.user_ids"));
    Set<String> warehouses = new HashSet<>(request.queryParams("filter_by.warehouse_ids"));
    Set<String> ids = new HashSet<>(request.queryParams("filter_by.statement_ids"));
    long from = longParam(request, "filter_by.query_start_time_range.start_time_ms", Long.MIN_VALUE);
    long to = longParam(request, "filter_by.query_start_time_range.end_time_ms", Long.MAX_VALUE);
    boolean metrics = request.queryParam("include_metrics").map(Boolean::parseBoolean).orElse(false);
    int maxResults = (int) longParam(request, "max_results", DEFAULT_MAX_RESULTS);
    if (maxResults < 1 || maxResults >= MAX_RESULTS_LIMIT) {
      throw ApiException.invalidParameter("max_results must be between 1 and 999, got " + maxResults);
    }
    for (String s : statuses) {
      if (!Set.of("QUEUED", "STARTED", "COMPILING", "COMPILED", "RUNNING", "FINISHED", "FAILED", "CANCELED").contains(s)) {
        throw ApiException.invalidParameter("Invalid status: " + s);
      }
    }
    List<ObjectNode> matching = new ArrayList<>();
    for (int i = entries.size() - 1; i >= 0; i--) {
      Entry e = entries.get(i);
      ObjectNode json = toJson(e, metrics);
      long start = e.submittedAt.toEpochMilli();
      boolean keep = (statuses.isEmpty() || statuses.contains(json.path("status").asText()))
          && (users.isEmpty() || users.contains(Long.toString(LocalIdentity.USER_ID)))
          && (warehouses.isEmpty() || warehouses.contains(e.statement.request().warehouseId()))
          && (ids.isEmpty() || ids.contains(e.statement.id()))
          && start >= from && start < to;
      if (keep) {
        matching.add(json);
      }
    }
    int offset = request.queryParam("page_token").filter(t -> !t.isEmpty()).map(Pages::decode).orElse(0);
    ObjectNode page = Pages.page(matching, offset, maxResults, "res", j -> j);
    page.put("has_next_page", page.has("next_page_token"));
    return Response.ok(page);
  }

  private static long longParam(Request request, String name, long absent) {
    String text = request.queryParam(name).orElse("");
    if (text.isEmpty()) {
      return absent;
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw ApiException.invalidParameter(name + " must be a number, got '" + text + "'");
    }
  }

  private static ObjectNode toJson(Entry e, boolean withMetrics) {
    SqlStatement statement = e.statement;
    SqlStatement.Snapshot snapshot = statement.snapshot();
    Instant finished = statement.finishedAt();
    ObjectNode json = Json.object();
    json.put("query_id", statement.id());
    json.put("status", status(snapshot.state));
    json.put("query_text", statement.request().statement());
    json.put("statement_type", statementType(statement.request().statement()));
    json.put("warehouse_id", statement.request().warehouseId());
    json.put("endpoint_id", statement.request().warehouseId());
    json.put("user_id", LocalIdentity.USER_ID);
    json.put("user_name", LocalIdentity.USER_NAME);
    json.put("executed_as_user_id", LocalIdentity.USER_ID);
    json.put("executed_as_user_name", LocalIdentity.USER_NAME);
    json.put("query_start_time_ms", e.submittedAt.toEpochMilli());
    json.put("is_final", snapshot.state.isTerminal());
    if (finished != null) {
      long duration = Math.max(0, finished.toEpochMilli() - e.submittedAt.toEpochMilli());
      json.put("query_end_time_ms", finished.toEpochMilli());
      json.put("execution_end_time_ms", finished.toEpochMilli());
      json.put("duration", duration);
    }
    long rows = snapshot.result != null ? snapshot.result.totalRows() : 0;
    if (snapshot.result != null) {
      json.put("rows_produced", rows);
    }
    if (snapshot.failure != null) {
      json.put("error_message", snapshot.failure.getMessage());
    }
    if (e.tags != null && e.tags.size() > 0) {
      json.set("query_tags", e.tags.deepCopy());
    }
    if (withMetrics) {
      ObjectNode m = json.putObject("metrics");
      long total = json.path("duration").asLong(0);
      m.put("total_time_ms", total);
      m.put("execution_time_ms", total);
      m.put("compilation_time_ms", 0);
      m.put("rows_produced_count", rows);
      m.put("read_bytes", snapshot.result != null ? snapshot.result.totalBytes() : 0);
      m.put("result_from_cache", false);
    }
    return json;
  }

  /** Statement states as query history spells them. */
  private static String status(StatementState state) {
    switch (state) {
      case PENDING:
        return "QUEUED";
      case RUNNING:
        return "RUNNING";
      case FAILED:
        return "FAILED";
      case CANCELED:
        return "CANCELED";
      default:
        return "FINISHED";
    }
  }

  private static String statementType(String sql) {
    String first = sql.trim().split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
    switch (first) {
      case "SELECT": case "WITH": case "VALUES":
        return "SELECT";
      case "INSERT": case "UPDATE": case "DELETE": case "MERGE": case "CREATE": case "DROP": case "ALTER":
      case "SHOW": case "DESCRIBE": case "USE": case "SET": case "EXPLAIN": case "TRUNCATE":
        return first;
      default:
        return "OTHER";
    }
  }

  /** {@code query_tags} of a statement body, checked: an array of {@code {key, value?}} with non-blank keys. */
  static JsonNode tagsOf(JsonNode body) {
    JsonNode tags = body.get("query_tags");
    if (tags == null || tags.isNull()) {
      return null;
    }
    if (!tags.isArray()) {
      throw ApiException.invalidParameter("query_tags must be an array of {key, value}.");
    }
    ArrayNode checked = Json.array();
    for (JsonNode tag : tags) {
      if (!tag.path("key").isTextual() || tag.path("key").asText().isBlank()) {
        throw ApiException.invalidParameter("Each query tag needs a non-empty key.");
      }
      ObjectNode t = checked.addObject().put("key", tag.path("key").asText());
      if (tag.hasNonNull("value")) {
        t.put("value", tag.get("value").asText());
      }
    }
    return checked;
  }
}
