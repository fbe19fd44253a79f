package dev.kiln.mlflow;

import static dev.kiln.core.testing.Wire.bodyTree;
import static dev.kiln.core.testing.Wire.error;
import static dev.kiln.core.testing.Wire.expect;
import static dev.kiln.core.testing.Wire.expectJsonPost;
import static dev.kiln.core.testing.Wire.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.error.InvalidParameterValueException;
import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.mlflow.model.Metric;
import dev.kiln.mlflow.model.Param;
import dev.kiln.mlflow.model.RunBatch;
import dev.kiln.mlflow.model.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** logBatch splits any number of items into requests within MLflow's per-request limits. */
class LogBatchTest extends MlflowTestBase {
  private static RunBatch batch(int metrics, int params, int tags) {
    RunBatch.Builder b = RunBatch.builder();
    IntStream.range(0, metrics).forEach(i -> b.addMetrics(Metric.of("m", i, NOW, i)));
    IntStream.range(0, params).forEach(i -> b.addParams(Param.of("p" + i, "v" + i)));
    IntStream.range(0, tags).forEach(i -> b.addTags(Tag.of("t" + i, "v" + i)));
    return b.build();
  }

  /** Logs the batch and returns [metrics, params, tags] of each request, checking every one's shape. */
  private List<int[]> log(RunBatch batch) {
    int before = server.getRequestCount();
    for (int i = 0; i < 20; i++) {
      server.enqueue(ok("{}"));
    }
    mlflow.logBatch("r1", batch);
    List<int[]> sizes = new ArrayList<>();
    int metricStep = 0;
    for (int i = before; i < server.getRequestCount(); i++) {
      RecordedRequest r = expect(server, "POST", "/api/2.0/mlflow/runs/log-batch");
      JsonNode body = bodyTree(r);
      assertEquals("r1", body.get("run_id").asText());
      int[] s = {body.path("metrics").size(), body.path("params").size(), body.path("tags").size()};
      assertTrue(s[0] <= 1000 && s[1] <= 100 && s[2] <= 100 && s[0] + s[1] + s[2] <= 1000, java.util.Arrays.toString(s));
      for (JsonNode m : body.path("metrics")) {
        assertEquals(metricStep++, m.get("step").asLong(), "metrics keep their order across requests");
      }
      sizes.add(s);
    }
    return sizes;
  }

  private static String describe(List<int[]> sizes) {
    StringBuilder out = new StringBuilder();
    sizes.forEach(s -> out.append(s[0]).append('/').append(s[1]).append('/').append(s[2]).append(' '));
    return out.toString().trim();
  }

  @Test
  void exactlyAtTheLimitsIsOneRequest() {
    assertEquals("1000/0/0", describe(log(batch(1000, 0, 0))));
    assertEquals("800/100/100", describe(log(batch(800, 100, 100))));
  }

  @Test
  void oneOverALimitIsTwoRequests() {
    assertEquals("1000/0/0 1/0/0", describe(log(batch(1001, 0, 0))));
    assertEquals("0/100/0 0/1/0", describe(log(batch(0, 101, 0))));
    assertEquals("0/0/100 0/0/1", describe(log(batch(0, 0, 101))));
    assertEquals("800/100/100 1/0/0", describe(log(batch(801, 100, 100))));
  }

  @Test
  void anyNumberOfItemsIsLoggedInAsFewRequestsAsTheLimitsAllow() {
    // 250 params need 3 requests; they take 100 + 100 + 50 item slots, the rest go to metrics.
    assertEquals("900/100/0 900/100/0 950/50/0 250/0/0", describe(log(batch(3000, 250, 0))));
  }

  @Test
  void requestsStayUnderAMegabyteWhateverTheValueLengths() {
    RunBatch.Builder b = RunBatch.builder();
    IntStream.range(0, 100).forEach(i -> b.addParams(Param.of("p" + i, "x".repeat(6000))));
    IntStream.range(0, 100).forEach(i -> b.addTags(Tag.of("t" + i, "y".repeat(5000))));
    IntStream.range(0, 10).forEach(i -> b.addMetrics(Metric.of("m", i, NOW, i)));
    for (int i = 0; i < 5; i++) {
      server.enqueue(ok("{}"));
    }

    mlflow.logBatch("r1", b.build());

    assertEquals(2, server.getRequestCount());
    int params = 0;
    int tags = 0;
    for (int i = 0; i < 2; i++) {
      RecordedRequest r = expect(server, "POST", "/api/2.0/mlflow/runs/log-batch");
      assertTrue(r.getBody().size() <= 1_000_000, "request of " + r.getBody().size() + " bytes");
      params += bodyTree(r).path("params").size();
      tags += bodyTree(r).path("tags").size();
    }
    assertEquals(100, params);
    assertEquals(100, tags);
  }

  @Test
  void anEmptyBatchSendsNothing() {
    mlflow.logBatch("r1", RunBatch.builder().build());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void eachRequestCarriesFullItems() {
    server.enqueue(ok("{}"));

    mlflow.logBatch("r1", RunBatch.builder().addMetrics(Metric.of("rmse", Double.NaN, 5, 2))
        .addParams(Param.of("alpha", "0.5")).addTags(Tag.of("team", "tax")).build());

    expectJsonPost(server, "/api/2.0/mlflow/runs/log-batch", "{'run_id': 'r1',"
        + " 'metrics': [{'key': 'rmse', 'value': 'NaN', 'timestamp': 5, 'step': 2}],"
        + " 'params': [{'key': 'alpha', 'value': '0.5'}], 'tags': [{'key': 'team', 'value': 'tax'}]}");
  }

  @Test
  void aDuplicateParamKeyOrABadItemFailsBeforeAnyRequest() {
    RunBatch duplicate = RunBatch.builder().addParams(Param.of("alpha", "1"), Param.of("alpha", "1")).build();
    InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> mlflow.logBatch("r1", duplicate));
    assertTrue(e.getMessage().contains("alpha"), e.getMessage());
    RunBatch lateBadMetric = RunBatch.builder().from(batch(2500, 0, 0)).addMetrics(Metric.of("m", 1, -1, 0)).build();
    assertThrows(InvalidRequestException.class, () -> mlflow.logBatch("r1", lateBadMetric));
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void aFailedRequestStopsTheRest() {
    server.enqueue(ok("{}"));
    server.enqueue(error(400, "{'error_code': 'INVALID_PARAMETER_VALUE', 'message': 'Changing param values is not allowed.'}"));
    server.enqueue(ok("{}"));

    assertThrows(InvalidParameterValueException.class, () -> mlflow.logBatch("r1", batch(0, 300, 0)));

    assertEquals(2, server.getRequestCount());
  }
}
