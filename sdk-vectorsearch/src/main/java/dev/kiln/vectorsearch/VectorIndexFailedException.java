package dev.kiln.vectorsearch;

import dev.kiln.core.error.OperationFailedException;
import dev.kiln.vectorsearch.model.IndexStatus;
import dev.kiln.vectorsearch.model.VectorIndex;

/** An index reported a failed state (e.g. {@code OFFLINE_FAILED}) while it was awaited to be ready. */
public class VectorIndexFailedException extends OperationFailedException {
  private static final long serialVersionUID = 1L;

  /** The index as last polled; transient, so null after deserialization. */
  private final transient VectorIndex index;

  /**
   * Creates the exception from the index state that reported the failure; the message carries its
   * detailed state and the server's message.
   */
  public VectorIndexFailedException(VectorIndex index) {
    super("vector search index " + index.name() + " failed: "
        + index.status().flatMap(IndexStatus::rawDetailedState).orElse("?")
        + index.status().flatMap(IndexStatus::message).map(m -> ": " + m).orElse(""), index.name());
    this.index = index;
  }

  /** The index as last reported. */
  public VectorIndex index() {
    return index;
  }
}
