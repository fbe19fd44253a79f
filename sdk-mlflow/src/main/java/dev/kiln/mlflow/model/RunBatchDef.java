package dev.kiln.mlflow.model;

import java.util.List;
import org.immutables.value.Value;

/**
 * Metrics, params and tags to log to a run at once with {@code logBatch}: any number of each; the
 * client splits them into requests within the API's limits (1,000 metrics, 100 params, 100 tags
 * and 1,000 items in all per request). Param keys must be unique within a batch.
 */
@Value.Immutable
abstract class RunBatchDef {
  /** Metric points to log; empty by default. */
  public abstract List<Metric> metrics();

  /** Params to log, keys unique within the batch; empty by default. */
  public abstract List<Param> params();

  /** Tags to set; empty by default. */
  public abstract List<Tag> tags();

  /**
   * The number of items in the batch: metrics, params and tags together.
   *
   * @return the total count
   */
  public int size() {
    return metrics().size() + params().size() + tags().size();
  }
}
