package dev.kiln.mlflow.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.kiln.core.Json;
import dev.kiln.mlflow.model.RunBatch;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a batch into {@code runs/log-batch} requests within MLflow's limits: at most 1,000 metrics, 100
 * params, 100 tags and 1,000 items in all per request, and a body of at most 1,000,000 bytes (100 params of
 * 6,000 characters and 100 tags of 5,000 would exceed it). Params and tags go first, so the few requests that
 * carry them are filled up with metrics; items keep their order.
 */
public final class BatchChunks {
  public static final int MAX_METRICS = 1000;
  public static final int MAX_PARAMS = 100;
  public static final int MAX_TAGS = 100;
  public static final int MAX_ITEMS = 1000;
  public static final int MAX_BYTES = 1_000_000;
  /** Room for the envelope: {@code run_id}, the three field names, brackets. */
  private static final int ENVELOPE_BYTES = 2048;

  private BatchChunks() {}

  public static List<RunBatch> split(RunBatch batch) {
    List<RunBatch> chunks = new ArrayList<>();
    Cursor<?> params = new Cursor<>(batch.params(), MAX_PARAMS);
    Cursor<?> tags = new Cursor<>(batch.tags(), MAX_TAGS);
    Cursor<?> metrics = new Cursor<>(batch.metrics(), MAX_METRICS);
    while (!params.done() || !tags.done() || !metrics.done()) {
      int[] budget = {MAX_BYTES - ENVELOPE_BYTES, MAX_ITEMS};
      int p = params.take(budget);
      int t = tags.take(budget);
      int m = metrics.take(budget);
      chunks.add(RunBatch.builder()
          .addAllParams(batch.params().subList(p, params.position))
          .addAllTags(batch.tags().subList(t, tags.position))
          .addAllMetrics(batch.metrics().subList(m, metrics.position))
          .build());
    }
    return chunks;
  }

  /** How far one list of items has been sent. */
  private static final class Cursor<T> {
    private final List<T> items;
    private final int maxPerRequest;
    int position;

    Cursor(List<T> items, int maxPerRequest) {
      this.items = items;
      this.maxPerRequest = maxPerRequest;
    }

    boolean done() {
      return position == items.size();
    }

    /** Takes items while this request has room ({@code budget}: bytes left, items left); returns where it started. */
    int take(int[] budget) {
      int start = position;
      while (position < items.size() && position - start < maxPerRequest && budget[1] > 0) {
        int bytes = sizeOf(items.get(position)) + 1; // and a comma
        if (bytes > budget[0]) {
          break;
        }
        budget[0] -= bytes;
        budget[1]--;
        position++;
      }
      return start;
    }
  }

  private static int sizeOf(Object item) {
    try {
      return Json.mapper().writeValueAsBytes(item).length;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + item.getClass().getSimpleName(), e);
    }
  }
}
