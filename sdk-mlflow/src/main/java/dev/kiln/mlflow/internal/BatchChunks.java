package dev.kiln.mlflow.internal;

import dev.kiln.mlflow.model.Metric;
import dev.kiln.mlflow.model.Param;
import dev.kiln.mlflow.model.RunBatch;
import dev.kiln.mlflow.model.Tag;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a batch into {@code runs/log-batch} requests within MLflow's limits: at most 1,000
 * metrics, 100 params, 100 tags and 1,000 items in all per request. Params and tags go first, so
 * the few requests that carry them are filled up with metrics; items keep their order.
 */
public final class BatchChunks {
  public static final int MAX_METRICS = 1000;
  public static final int MAX_PARAMS = 100;
  public static final int MAX_TAGS = 100;
  public static final int MAX_ITEMS = 1000;

  private BatchChunks() {}

  public static List<RunBatch> split(RunBatch batch) {
    List<RunBatch> chunks = new ArrayList<>();
    List<Metric> metrics = batch.metrics();
    List<Param> params = batch.params();
    List<Tag> tags = batch.tags();
    int m = 0;
    int p = 0;
    int t = 0;
    while (m < metrics.size() || p < params.size() || t < tags.size()) {
      int paramCount = Math.min(MAX_PARAMS, params.size() - p);
      int tagCount = Math.min(MAX_TAGS, tags.size() - t);
      int metricCount = Math.min(Math.min(MAX_METRICS, MAX_ITEMS - paramCount - tagCount), metrics.size() - m);
      chunks.add(RunBatch.builder()
          .addAllParams(params.subList(p, p + paramCount))
          .addAllTags(tags.subList(t, t + tagCount))
          .addAllMetrics(metrics.subList(m, m + metricCount))
          .build());
      p += paramCount;
      t += tagCount;
      m += metricCount;
    }
    return chunks;
  }
}
