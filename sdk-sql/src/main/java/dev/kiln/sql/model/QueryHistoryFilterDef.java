package dev.kiln.sql.model;

import dev.kiln.core.error.InvalidRequestException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * Which queries {@code SqlClient.queryHistory} returns ({@code filter_by.*}): statuses, users,
 * warehouses, statement ids and a start-time window; whether metrics come along; how many per page.
 */
@Value.Immutable
abstract class QueryHistoryFilterDef {
  /** The server takes fewer than 1000 per page. */
  public static final int MAX_RESULTS = 999;

  /** Only queries in one of these statuses; all when empty. {@code UNKNOWN} is rejected. */
  public abstract List<QueryStatus> statuses();

  /** Only queries run by one of these users (numeric user ids); everyone's when empty. */
  public abstract List<Long> userIds();

  /** Only queries run on one of these warehouses; all when empty. */
  public abstract List<String> warehouseIds();

  /**
   * Only these statements (for Statement Execution queries the query id is the statement id); all
   * when empty.
   */
  public abstract List<String> statementIds();

  /** Queries that started at or after this moment. */
  public abstract Optional<Instant> startTimeFrom();

  /** Queries that started before this moment. */
  public abstract Optional<Instant> startTimeTo();

  /** Each query with its {@link QueryMetrics}; meant for small pages. */
  @Value.Default
  public boolean includeMetrics() {
    return false;
  }

  /** 1–999 queries per request (the server's default is 100). */
  public abstract OptionalInt maxResults();

  /**
   * Rejects a filter the server would; run by {@code build()}.
   *
   * @throws dev.kiln.core.error.InvalidRequestException for status {@code UNKNOWN}, a blank id,
   *     {@code maxResults} outside 1–999, or a window that ends before it starts
   */
  @Value.Check
  protected void check() {
    if (statuses().contains(QueryStatus.UNKNOWN)) {
      throw new InvalidRequestException("query status UNKNOWN cannot be a filter: name the statuses wanted");
    }
    for (String id : warehouseIds()) {
      if (id.isBlank()) {
        throw new InvalidRequestException("a warehouse id in the filter is blank");
      }
    }
    for (String id : statementIds()) {
      if (id.isBlank()) {
        throw new InvalidRequestException("a statement id in the filter is blank");
      }
    }
    if (maxResults().isPresent() && (maxResults().getAsInt() < 1 || maxResults().getAsInt() > MAX_RESULTS)) {
      throw new InvalidRequestException("maxResults must be 1 to 999, was " + maxResults().getAsInt());
    }
    if (startTimeFrom().isPresent() && startTimeTo().isPresent() && startTimeTo().get().isBefore(startTimeFrom().get())) {
      throw new InvalidRequestException("startTimeTo " + startTimeTo().get() + " is before startTimeFrom " + startTimeFrom().get());
    }
  }
}
