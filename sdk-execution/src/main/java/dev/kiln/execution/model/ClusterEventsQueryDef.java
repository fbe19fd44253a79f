package dev.kiln.execution.model;

import dev.kiln.core.error.InvalidRequestException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/** Which events {@code ClustersClient.events} returns: a time window, kinds, order and page size. */
@Value.Immutable
abstract class ClusterEventsQueryDef {
  /** The server's largest page. */
  public static final int MAX_PAGE_SIZE = 500;

  /** Events at or after this moment. */
  public abstract Optional<Instant> startTime();

  /** Events at or before this moment. */
  public abstract Optional<Instant> endTime();

  /** Only these kinds; all when empty. */
  public abstract List<ClusterEventType> eventTypes();

  /** Newest first by default on the server ({@code DESC}). */
  public abstract Optional<SortOrder> order();

  /** 1–500 events per request. */
  public abstract OptionalInt pageSize();

  /** The direction of {@code order}. */
  public enum SortOrder {
    /** Oldest first. */
    ASC,
    /** Newest first (the server's default). */
    DESC
  }

  /**
   * Rejects a query the server would; run by {@code build()}.
   *
   * @throws dev.kiln.core.error.InvalidRequestException for kind {@code UNKNOWN}, a page size
   *     outside 1–500, or an end before the start
   */
  @Value.Check
  protected void check() {
    if (eventTypes().contains(ClusterEventType.UNKNOWN)) {
      throw new InvalidRequestException("event type UNKNOWN cannot be a filter: name the kinds wanted");
    }
    if (pageSize().isPresent() && (pageSize().getAsInt() < 1 || pageSize().getAsInt() > MAX_PAGE_SIZE)) {
      throw new InvalidRequestException("pageSize must be 1 to 500, was " + pageSize().getAsInt());
    }
    if (startTime().isPresent() && endTime().isPresent() && endTime().get().isBefore(startTime().get())) {
      throw new InvalidRequestException("endTime " + endTime().get() + " is before startTime " + startTime().get());
    }
  }
}
