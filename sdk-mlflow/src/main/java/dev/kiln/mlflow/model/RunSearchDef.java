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
  public abstract List<String> experimentIds();

  public abstract Optional<String> filter();

  public abstract List<String> orderBy();

  @Value.Default
  public ViewType viewType() {
    return ViewType.ACTIVE_ONLY;
  }
}
