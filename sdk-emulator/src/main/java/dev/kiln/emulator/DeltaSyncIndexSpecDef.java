package dev.kiln.emulator;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A Vector Search delta-sync index over a SQL table of the workspace, with embeddings computed from a text
 * column by an embedding endpoint (the built-in {@code databricks-bge-large-en} by default). It syncs when
 * added and on {@link LocalWorkspace#syncIndex}:
 *
 * <pre>{@code
 * ws.sql().execute("CREATE TABLE docs AS SELECT 1 AS id, 'tax deadline in April' AS text");
 * ws.addDeltaSyncIndex(DeltaSyncIndexSpec.builder()
 *     .name("main.default.docs_index").sourceTable("docs").primaryKey("id").embeddingSourceColumn("text")
 *     .build());
 * }</pre>
 */
@Value.Immutable
public abstract class DeltaSyncIndexSpecDef {
  // Package-private: only the generated class extends it.
  DeltaSyncIndexSpecDef() {}

  /** {@code catalog.schema.table}. */
  public abstract String name();

  /** The Vector Search endpoint; the workspace's default endpoint when absent. */
  public abstract Optional<String> endpointName();

  /** The table as SQL names it on the workspace's engine, e.g. {@code docs} or {@code cat.schema.docs}. */
  public abstract String sourceTable();

  /** The source table's column that identifies a row. */
  public abstract String primaryKey();

  /** The text column embedded for similarity search. */
  public abstract String embeddingSourceColumn();

  /**
   * The serving endpoint that embeds the source column (and query text); it must exist on the workspace.
   * {@code databricks-bge-large-en}, one of the built-in models, by default.
   */
  @Value.Default
  public String embeddingModelEndpointName() {
    return "databricks-bge-large-en";
  }

  /** The columns queries can return; all of the table's columns when empty. */
  public abstract List<String> columnsToSync();

  /** Rejects a spec with a name that is not {@code catalog.schema.table}, when it is built. */
  @Value.Check
  protected void check() {
    VectorIndexNames.check(name());
  }
}
