package dev.kiln.mlflow.model;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What {@code experiments/search} returns: an optional {@code filter} (e.g.
 * {@code name ILIKE '%forecast%'} or {@code tags.team = 'tax'}), {@code order_by} clauses (e.g.
 * {@code last_update_time DESC}) and the view type ({@link ViewType#ACTIVE_ONLY} by default).
 * {@code ExperimentSearch.all()} matches every active experiment.
 */
@Value.Immutable
abstract class ExperimentSearchDef {
  /** The search expression ({@code filter}); every experiment of the view type when absent. */
  public abstract Optional<String> filter();

  /**
   * Sort clauses ({@code order_by}), e.g. {@code name ASC}; the server's default order when
   * empty.
   */
  public abstract List<String> orderBy();

  /**
   * Active, deleted or all experiments ({@code view_type}); {@link ViewType#ACTIVE_ONLY} by
   * default.
   */
  @Value.Default
  public ViewType viewType() {
    return ViewType.ACTIVE_ONLY;
  }

  /** Every active experiment. */
  public static ExperimentSearch all() {
    return ExperimentSearch.builder().build();
  }
}
