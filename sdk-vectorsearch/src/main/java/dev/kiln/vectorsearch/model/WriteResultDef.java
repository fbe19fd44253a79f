package dev.kiln.vectorsearch.model;

import dev.kiln.vectorsearch.VectorWriteException;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What an upsert or delete on a direct-access index did. The call returns this for every answer the
 * server gives, including {@link WriteStatus#PARTIAL_SUCCESS} and {@link WriteStatus#FAILURE}: check
 * {@link #isComplete()} or call {@link #orThrow()}.
 */
@Value.Immutable
abstract class WriteResultDef {
  /** The status exactly as the server sent it, including values this SDK does not know. */
  public abstract Optional<String> rawStatus();

  /** Rows written (upsert) or removed (delete). */
  @Value.Default
  public long successRowCount() {
    return 0;
  }

  /** Primary keys of the rows the server could not write or delete. */
  public abstract List<String> failedPrimaryKeys();

  /** The typed status; {@link WriteStatus#UNKNOWN} when absent or new (see {@link #rawStatus()}). */
  public WriteStatus status() {
    return WriteStatus.fromWire(rawStatus().orElse(null));
  }

  /** True only for {@link WriteStatus#SUCCESS} with no failed key. */
  public boolean isComplete() {
    return status() == WriteStatus.SUCCESS && failedPrimaryKeys().isEmpty();
  }

  /**
   * Returns this result when {@link #isComplete()}; otherwise throws a {@link VectorWriteException}
   * that carries this result and names the failed keys.
   */
  public WriteResult orThrow() {
    if (!isComplete()) {
      throw new VectorWriteException((WriteResult) this);
    }
    return (WriteResult) this;
  }
}
