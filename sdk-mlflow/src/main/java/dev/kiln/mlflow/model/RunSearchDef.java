package dev.kiln.mlflow.model;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What {@code runs/search} returns: runs of {@code experimentIds} (at least one) matching an
 * optional {@code filter} (e.g. {@code metrics.rmse < 1 and params.model = 'ridge'}), sorted by
 * {@code orderBy} (e.g. {@code metrics.rmse ASC}); active runs by default.
 */
@Value.Immutable
abstract class RunSearchDef {
  /**
   * The experiments to search ({@code experiment_ids}); at least one, else the search is refused.
   */
  public abstract List<String> experimentIds();

  /**
   * The search expression ({@code filter}), e.g. {@code metrics.rmse < 1}; every run when absent.
   */
  public abstract Optional<String> filter();

  /** Sort clauses ({@code order_by}), e.g. {@code metrics.rmse ASC}; newest first when empty. */
  public abstract List<String> orderBy();

  /**
   * Active, deleted or all runs ({@code run_view_type}); {@link ViewType#ACTIVE_ONLY} by default.
   */
  @Value.Default
  public ViewType viewType() {
    return ViewType.ACTIVE_ONLY;
  }
}
