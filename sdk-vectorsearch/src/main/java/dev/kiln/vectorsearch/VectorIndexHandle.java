package dev.kiln.vectorsearch;

import dev.kiln.core.DatabricksClient;
import dev.kiln.core.OperationHandle;
import dev.kiln.core.spi.ClientInternals;
import dev.kiln.core.spi.Poller;
import dev.kiln.vectorsearch.model.IndexState;
import dev.kiln.vectorsearch.model.IndexStatus;
import dev.kiln.vectorsearch.model.VectorIndex;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * An index on its way to serving queries (after create, or a handle on an existing one). Polls the index with
 * {@link VectorSearchOptions}' gaps until it reports {@code ready} (its {@code detailed_state} then starts with
 * {@code ONLINE}), and gives the index; a failed state ({@code …FAILED}, not online) ends the wait with
 * {@link VectorIndexFailedException}; {@link VectorSearchOptions#indexReadyTimeout()} with
 * {@code OperationTimeoutException}. {@link #status()} is the detailed state ({@code PROVISIONING_INITIAL_SNAPSHOT},
 * …). There is no call to cancel index creation: {@link #cancel()} throws
 * {@link UnsupportedOperationException} (delete the index instead); cancelling {@link #resultAsync()} stops polling.
 */
public final class VectorIndexHandle extends OperationHandle<VectorIndex, IndexState, VectorIndex> {
  VectorIndexHandle(DatabricksClient db, VectorSearchOptions options, String indexName,
      Supplier<CompletableFuture<VectorIndex>> poll, VectorIndex initial) {
    super(indexName, Poller.<VectorIndex, VectorIndex>builder(db)
        .poll(poll)
        .isTerminal(i -> i.isReady() || IndexState.isFailed(rawState(i)))
        .result(VectorIndexHandle::readyOrThrow)
        .statusOf(VectorIndexHandle::rawState)
        .initialDelay(options.pollInitialDelay())
        .multiplier(options.pollMultiplier())
        .maxDelay(options.pollMaxDelay())
        .timeout(options.indexReadyTimeout())
        .description("vector search index " + indexName)
        .start(initial), IndexState.class, VectorIndexHandle::rawState);
    ClientInternals.of(db).track(resultAsync());
  }

  /** The detailed state; without one, ONLINE when ready and PROVISIONING before. */
  static String rawState(VectorIndex index) {
    return index.status().flatMap(IndexStatus::rawDetailedState)
        .orElse(index.isReady() ? IndexState.ONLINE.name() : IndexState.PROVISIONING.name());
  }

  private static VectorIndex readyOrThrow(VectorIndex index) {
    if (index.isReady()) {
      return index;
    }
    throw new VectorIndexFailedException(index);
  }

  @Override
  public String toString() {
    return "VectorIndexHandle[" + id() + ", " + rawStatus().orElse("?") + "]";
  }
}
