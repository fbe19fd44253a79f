package dev.kiln.execution.model;

import dev.kiln.core.error.InvalidRequestException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/** Which clusters {@code ClustersClient.list} returns ({@code filter_by.*}) and how many per page. */
@Value.Immutable
abstract class ClusterListFilterDef {
  /** The server's largest page. */
  public static final int MAX_PAGE_SIZE = 100;

  /** Only clusters in one of these states; all when empty. */
  public abstract List<ClusterState> clusterStates();

  /** Only pinned clusters (true) or only unpinned ones (false); both when absent. */
  public abstract Optional<Boolean> isPinned();

  /** Only clusters created under this cluster policy; any policy when absent. */
  public abstract Optional<String> policyId();

  /** 1–100 clusters per request; the server's default when absent. */
  public abstract OptionalInt pageSize();

  /**
   * Rejects a filter the server would; run by {@code build()}.
   *
   * @throws dev.kiln.core.error.InvalidRequestException for state {@code UNKNOWN} or a page size
   *     outside 1–100
   */
  @Value.Check
  protected void check() {
    if (clusterStates().contains(ClusterState.UNKNOWN)) {
      throw new InvalidRequestException("cluster state UNKNOWN cannot be a filter: name the states wanted");
    }
    if (pageSize().isPresent() && (pageSize().getAsInt() < 1 || pageSize().getAsInt() > MAX_PAGE_SIZE)) {
      throw new InvalidRequestException("pageSize must be 1 to 100, was " + pageSize().getAsInt());
    }
  }
}
