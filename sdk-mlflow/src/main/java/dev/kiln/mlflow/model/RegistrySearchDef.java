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
  public abstract Optional<String> filter();

  public abstract List<String> orderBy();

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
