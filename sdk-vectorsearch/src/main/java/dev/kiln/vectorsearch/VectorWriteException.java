package dev.kiln.vectorsearch;

import dev.kiln.core.error.DatabricksException;
import dev.kiln.vectorsearch.model.WriteResult;
import java.util.List;

/**
 * An upsert or delete that the server answered but did not fully apply (PARTIAL_SUCCESS, FAILURE,
 * or a status this SDK does not know). Thrown only by {@link WriteResult#orThrow()}: the write
 * calls themselves return the result and never throw for these statuses.
 */
public class VectorWriteException extends DatabricksException {
  private static final long serialVersionUID = 1L;
  private static final int KEYS_IN_MESSAGE = 20;

  /** The incomplete result; transient, so null after deserialization. */
  private final transient WriteResult result;

  /**
   * Creates the exception for an incomplete write; the message shows the status, the counts and the
   * first 20 failed keys.
   */
  public VectorWriteException(WriteResult result) {
    super(describe(result));
    this.result = result;
  }

  /** The server's verdict on the write; null only after the exception was deserialized. */
  public WriteResult result() {
    return result;
  }

  /**
   * Primary keys of the rows the server did not apply, as it listed them; empty when it listed
   * none.
   */
  public List<String> failedPrimaryKeys() {
    return result.failedPrimaryKeys();
  }

  private static String describe(WriteResult r) {
    List<String> failed = r.failedPrimaryKeys();
    StringBuilder sb = new StringBuilder("vector index write finished with ")
        .append(r.rawStatus().orElse("no status"))
        .append(": ").append(r.successRowCount()).append(" row(s) applied, ")
        .append(failed.size()).append(" failed");
    if (!failed.isEmpty()) {
      // Keep the message readable for big batches; the full list is on failedPrimaryKeys().
      sb.append(' ').append(failed.subList(0, Math.min(KEYS_IN_MESSAGE, failed.size())));
      if (failed.size() > KEYS_IN_MESSAGE) {
        sb.append(" and ").append(failed.size() - KEYS_IN_MESSAGE).append(" more");
      }
    }
    return sb.toString();
  }
}
