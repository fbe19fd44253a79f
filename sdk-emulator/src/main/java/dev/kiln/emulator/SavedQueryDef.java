package dev.kiln.emulator;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A saved query for the Queries API ({@code GET /api/2.0/sql/queries}); build one with {@code
 * SavedQuery.builder()} and add it with {@link LocalWorkspace#addQuery}.
 */
@Value.Immutable
public abstract class SavedQueryDef {
  // Package-private: only the generated class extends it.
  SavedQueryDef() {}

  /** The id; a UUID is generated when absent. */
  public abstract Optional<String> id();

  /** The name the query is listed under. */
  public abstract String displayName();

  /** The SQL of the query. */
  public abstract String queryText();

  /** The warehouse; the workspace's default warehouse when absent. */
  public abstract Optional<String> warehouseId();

  /** The default catalog the SQL runs in; the warehouse's when absent. */
  public abstract Optional<String> catalog();

  /** The default schema the SQL runs in; the warehouse's when absent. */
  public abstract Optional<String> schema();

  /** The query's description; empty by default. */
  @Value.Default
  public String description() {
    return "";
  }

  /**
   * The owner reported as {@code owner_user_name} and last modifier; {@code kiln@localhost} by
   * default.
   */
  @Value.Default
  public String ownerUserName() {
    return "kiln@localhost";
  }

  /** Tags reported on the query; none when empty. */
  public abstract List<String> tags();

  /** Text parameters of the query: name → default value. */
  public abstract Map<String, String> parameters();

  /** A trashed query ({@code lifecycle_state TRASHED}) is not listed but can still be fetched by id. */
  @Value.Default
  public boolean trashed() {
    return false;
  }

  /** {@code OWNER} or {@code VIEWER}. */
  @Value.Default
  public String runAsMode() {
    return "OWNER";
  }
}
