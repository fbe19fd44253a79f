package dev.kiln.mlflow.model;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A search of registered models or model versions: an optional {@code filter} (e.g.
 * {@code name LIKE 'bir_%'}, or for versions {@code name = 'bir_tax_forecaster'} and
 * {@code run_id = '...'}) and {@code order_by} clauses (e.g. {@code name ASC}).
 * {@code RegistrySearch.all()} matches everything.
 */
@Value.Immutable
abstract class RegistrySearchDef {
  /** The search expression ({@code filter}); everything when absent. */
  public abstract Optional<String> filter();

  /** Sort clauses ({@code order_by}), e.g. {@code name ASC}; the server's order when empty. */
  public abstract List<String> orderBy();

  /**
   * A search that matches every model (or version).
   *
   * @return a search without filter or order
   */
  public static RegistrySearch all() {
    return RegistrySearch.builder().build();
  }

  /**
   * Versions (or models) named exactly {@code name}: {@code name = '<name>'}, double-quoted when the
   * name holds a single quote.
   */
  public static RegistrySearch byName(String name) {
    String quote = name.contains("'") ? "\"" : "'";
    return RegistrySearch.builder().filter("name = " + quote + name + quote).build();
  }
}
