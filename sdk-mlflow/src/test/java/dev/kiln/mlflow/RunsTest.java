package dev.kiln.mlflow;

import static dev.kiln.core.testing.Wire.bodyTree;
import static dev.kiln.core.testing.Wire.error;
import static dev.kiln.core.testing.Wire.expectGet;
import static dev.kiln.core.testing.Wire.expectJsonPost;
import static dev.kiln.core.testing.Wire.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.error.InvalidParameterValueException;
import dev.kiln.mlflow.model.CreateRunRequest;
import dev.kiln.mlflow.model.Metric;
import dev.kiln.mlflow.model.Run;
import dev.kiln.mlflow.model.RunInfo;
import dev.kiln.mlflow.model.RunSearch;
import dev.kiln.mlflow.model.RunStatus;
import dev.kiln.mlflow.model.Tag;
import dev.kiln.mlflow.model.UpdateRunRequest;
import dev.kiln.mlflow.model.ViewType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class RunsTest extends MlflowTestBase {
  @Test
  void createSendsExperimentNameTagsAndTheClocksStartTime() {
    server.enqueue(ok(runJson("r1", "RUNNING")));

    Run run = mlflow.createRun(CreateRunRequest.builder().experimentId("7").runName("ridge-1")
        .addTags(Tag.of("mlflow.source.type", "JOB")).build());

    expectJsonPost(server, "/api/2.0/mlflow/runs/create", "{'experiment_id': '7', 'run_name': 'ridge-1',"
        + " 'start_time': " + NOW + ", 'tags': [{'key': 'mlflow.source.type', 'value': 'JOB'}]}");
    assertEquals("r1", run.runId());
    assertEquals(RunStatus.RUNNING, run.status());
  }

  @Test
  void anExplicitStartTimeIsSentAsGiven() {
    server.enqueue(ok(runJson("r1", "RUNNING")));

    mlflow.createRun(CreateRunRequest.builder().experimentId("7").startTime(5L).build());

    expectJsonPost(server, "/api/2.0/mlflow/runs/create", "{'experiment_id': '7', 'start_time': 5, 'tags': []}");
  }

  @Test
  void getReadsInfoAndDataIncludingNonFiniteMetrics() {
    server.enqueue(ok("{'run': {'info': {'run_id': 'r1', 'status': 'FINISHED', 'start_time': 1, 'end_time': 2,"
        + " 'run_name': 'ridge-1', 'user_id': 'ana'}, 'data': {'metrics': [{'key': 'rmse', 'value': 0.5, 'timestamp': 3, 'step': 1},"
        + " {'key': 'loss', 'value': 'NaN', 'timestamp': 3, 'step': 0}, {'key': 'max', 'value': 'Infinity', 'timestamp': 3}],"
        + " 'params': [{'key': 'alpha', 'value': '0.5'}], 'tags': [{'key': 'team', 'value': 'tax'}]}}}"));

    Run run = mlflow.getRun("r1");

    expectGet(server, "/api/2.0/mlflow/runs/get?run_id=r1");
    assertEquals(RunStatus.FINISHED, run.status());
    assertEquals(Optional.of(2L), run.info().endTime());
    assertEquals(Optional.of(0.5), run.data().metric("rmse"));
    assertTrue(Double.isNaN(run.data().metric("loss").orElseThrow()));
    assertEquals(Optional.of(Double.POSITIVE_INFINITY), run.data().metric("max"));
    assertEquals(Map.of("alpha", "0.5"), run.data().paramMap());
    assertEquals(Map.of("team", "tax"), run.data().tagMap());
  }

  @Test
  void anUnknownStatusIsKeptRaw() {
    server.enqueue(ok("{'run': {'info': {'run_id': 'r1', 'status': 'QUEUED'}}}"));

    Run run = mlflow.getRun("r1");

    assertEquals(RunStatus.UNKNOWN, run.status());
    assertEquals(Optional.of("QUEUED"), run.info().rawStatus());
  }

  @Test
  void searchIsLazyAndPostsTheFilterOrderAndViewTypeOnEveryPage() {
    server.enqueue(ok("{'runs': [{'info': {'run_id': 'a'}}], 'next_page_token': 't2'}"));
    server.enqueue(ok("{'runs': [{'info': {'run_id': 'b'}}]}"));

    var runs = mlflow.searchRuns(RunSearch.builder().addExperimentIds("7", "8").filter("metrics.rmse < 1")
        .addOrderBy("metrics.rmse ASC").viewType(ViewType.DELETED_ONLY).build());
    assertEquals(0, server.getRequestCount());

    assertEquals(List.of("a", "b"), runs.stream().map(Run::runId).collect(Collectors.toList()));
    String first = "{'experiment_ids': ['7', '8'], 'filter': 'metrics.rmse < 1', 'max_results': 1000,"
        + " 'order_by': ['metrics.rmse ASC'], 'run_view_type': 'DELETED_ONLY'";
    expectJsonPost(server, "/api/2.0/mlflow/runs/search", first + "}");
    expectJsonPost(server, "/api/2.0/mlflow/runs/search", first + ", 'page_token': 't2'}");
  }

  @Test
  void updateSendsStatusAndEndTimeAndReturnsTheInfo() {
    server.enqueue(ok(runInfoJson("r1", "KILLED")));

    RunInfo info = mlflow.updateRun(UpdateRunRequest.builder().runId("r1").status(RunStatus.KILLED).endTime(9L).build());

    expectJsonPost(server, "/api/2.0/mlflow/runs/update", "{'run_id': 'r1', 'status': 'KILLED', 'end_time': 9}");
    assertEquals(RunStatus.KILLED, info.status());
  }

  @Test
  void deleteAndRestoreSendTheRunId() {
    server.enqueue(ok("{}"));
    server.enqueue(ok("{}"));

    mlflow.deleteRun("r1");
    mlflow.restoreRun("r1");

    expectJsonPost(server, "/api/2.0/mlflow/runs/delete", "{'run_id': 'r1'}");
    expectJsonPost(server, "/api/2.0/mlflow/runs/restore", "{'run_id': 'r1'}");
  }

  @Test
  void logMetricSendsKeyValueTimestampAndStep() {
    server.enqueue(ok("{}"));
    server.enqueue(ok("{}"));

    mlflow.logMetric("r1", "rmse", 0.87);
    mlflow.logMetric("r1", Metric.of("rmse", 0.5, 42, 3));

    expectJsonPost(server, "/api/2.0/mlflow/runs/log-metric",
        "{'run_id': 'r1', 'key': 'rmse', 'value': 0.87, 'timestamp': " + NOW + ", 'step': 0}");
    expectJsonPost(server, "/api/2.0/mlflow/runs/log-metric",
        "{'run_id': 'r1', 'key': 'rmse', 'value': 0.5, 'timestamp': 42, 'step': 3}");
  }

  /** MLflow takes NaN and ±Infinity; protobuf's JSON form writes them as strings. */
  @Test
  void nonFiniteMetricValuesTravelAsProtobufJsonStrings() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(ok("{}"));
    }

    mlflow.logMetric("r1", "loss", Double.NaN);
    mlflow.logMetric("r1", "loss", Double.POSITIVE_INFINITY);
    mlflow.logMetric("r1", "loss", Double.NEGATIVE_INFINITY);

    for (String expected : List.of("NaN", "Infinity", "-Infinity")) {
      RecordedRequest r = dev.kiln.core.testing.Wire.expect(server, "POST", "/api/2.0/mlflow/runs/log-metric");
      JsonNode value = bodyTree(r).get("value");
      assertTrue(value.isTextual(), value.toString());
      assertEquals(expected, value.asText());
    }
  }

  @Test
  void logParamUsesTheLogParameterPathAndADifferentValueIsTheServersError() {
    server.enqueue(ok("{}"));
    server.enqueue(error(400, "{'error_code': 'INVALID_PARAMETER_VALUE', 'message': 'Changing param values is not allowed.'}"));

    mlflow.logParam("r1", "alpha", "0.5");
    assertThrows(InvalidParameterValueException.class, () -> mlflow.logParam("r1", "alpha", "0.7"));

    expectJsonPost(server, "/api/2.0/mlflow/runs/log-parameter", "{'run_id': 'r1', 'key': 'alpha', 'value': '0.5'}");
  }

  @Test
  void setTagSendsKeyAndValue() {
    server.enqueue(ok("{}"));

    mlflow.setTag("r1", "mlflow.note.content", "first try");

    expectJsonPost(server, "/api/2.0/mlflow/runs/set-tag", "{'run_id': 'r1', 'key': 'mlflow.note.content', 'value': 'first try'}");
  }

  @Test
  void metricHistoryIsLazyAndPagesWithQueryParameters() {
    MlflowClient small = MlflowClient.create(db, MlflowOptions.builder().pageSize(2).build());
    server.enqueue(ok("{'metrics': [{'key': 'rmse', 'value': 3, 'timestamp': 1, 'step': 0},"
        + " {'key': 'rmse', 'value': 2, 'timestamp': 2, 'step': 1}], 'next_page_token': 'n'}"));
    server.enqueue(ok("{'metrics': [{'key': 'rmse', 'value': 1, 'timestamp': 3, 'step': 2}]}"));

    var history = small.getMetricHistory("r1", "rmse");
    assertEquals(0, server.getRequestCount());

    assertEquals(List.of(3.0, 2.0, 1.0), history.stream().map(Metric::value).collect(Collectors.toList()));
    expectGet(server, "/api/2.0/mlflow/metrics/get-history?run_id=r1&metric_key=rmse&max_results=2");
    expectGet(server, "/api/2.0/mlflow/metrics/get-history?run_id=r1&metric_key=rmse&max_results=2&page_token=n");
  }
}
