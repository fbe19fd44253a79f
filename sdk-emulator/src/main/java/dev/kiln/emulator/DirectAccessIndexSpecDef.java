package dev.kiln.emulator;

import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A Vector Search direct-access index, filled by {@code upsert-data} calls; add it with {@link
 * LocalWorkspace#addDirectAccessIndex}:
 *
 * <pre>{@code
 * ws.addDirectAccessIndex(DirectAccessIndexSpec.builder()
 *     .name("main.docs.chunks")
 *     .primaryKey("id")
 *     .embeddingVectorColumn("embedding")
 *     .embeddingDimension(3)
 *     .putSchema("id", "long").putSchema("text", "string").putSchema("embedding", "array<float>")
 *     .build());
 * }</pre>
 *
 * <p>Queries (on any index) rank rows by exact cosine similarity; the {@code score} column is {@code (1 +
 * cosine) / 2}, in [0, 1]. {@code HYBRID} queries average it with the share of the query's words found in the
 * row's text (the embedded column of a delta-sync index, every string column of a direct-access one).
 */
@Value.Immutable
public abstract class DirectAccessIndexSpecDef {
  // Package-private: only the generated class extends it.
  DirectAccessIndexSpecDef() {}

  /** {@code catalog.schema.table}. */
  public abstract String name();

  /** The Vector Search endpoint; the workspace's default endpoint when absent. */
  public abstract Optional<String> endpointName();

  /** The column that identifies a row; upserts replace and deletes remove rows by it. */
  public abstract String primaryKey();

  /** The column that holds each row's vector. */
  public abstract String embeddingVectorColumn();

  /**
   * The number of elements in each vector; at least 1. Upserted vectors and query vectors of
   * another length fail.
   */
  public abstract int embeddingDimension();

  /**
   * Column name → type ({@code string}, {@code int}, {@code long}, {@code float}, {@code double}, {@code
   * boolean}, {@code date}, {@code timestamp}, {@code array<float>}, ...), as in {@code schema_json}. Upserted
   * rows with other columns fail. Empty: any columns are accepted.
   */
  public abstract Map<String, String> schema();

  /**
   * An embedding endpoint that turns {@code query_text} into a query vector; without it queries need {@code
   * query_vector}.
   */
  public abstract Optional<String> embeddingModelEndpointName();

  /**
   * Rejects an invalid spec when it is built.
   *
   * @throws IllegalStateException for a dimension below 1, or a schema without the primary key or
   *     vector column
   */
  @Value.Check
  protected void check() {
    VectorIndexNames.check(name());
    if (embeddingDimension() < 1) {
      throw new IllegalStateException("embeddingDimension must be at least 1");
    }
    if (!schema().isEmpty()) {
      for (String column : new String[] {primaryKey(), embeddingVectorColumn()}) {
        if (!schema().containsKey(column)) {
          throw new IllegalStateException("the schema must contain column '" + column + "'");
        }
      }
    }
  }
}
