package dev.kiln.mlflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.mlflow.model.CreateExperimentRequest;
import dev.kiln.mlflow.model.CreateRunRequest;
import dev.kiln.mlflow.model.Metric;
import dev.kiln.mlflow.model.ModelStage;
import dev.kiln.mlflow.model.RunSearch;
import dev.kiln.mlflow.model.RunStatus;
import dev.kiln.mlflow.model.Tag;
import dev.kiln.mlflow.model.UpdateRunRequest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Input MLflow would refuse fails with InvalidRequestException before anything is sent. */
class BadInputTest extends MlflowTestBase {
  private static void refused(Executable call, String mentions) {
    InvalidRequestException e = assertThrows(InvalidRequestException.class, call);
    assertTrue(e.getMessage().contains(mentions), e.getMessage());
  }

  private static void refusedAsync(CompletableFuture<?> f) {
    ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS));
    assertTrue(e.getCause() instanceof InvalidRequestException, e.getCause().toString());
  }

  @Test
  void blankNamesAndIds() {
    refused(() -> mlflow.createExperiment(" "), "name");
    refused(() -> mlflow.createExperiment(CreateExperimentRequest.builder().name("").build()), "name");
    refused(() -> mlflow.createExperiment("/" + "x".repeat(500)), "500");
    refused(() -> mlflow.getExperiment(""), "experimentId");
    refused(() -> mlflow.getExperimentByName("\t"), "name");
    refused(() -> mlflow.updateExperiment("7", " "), "newName");
    refused(() -> mlflow.getRun(" "), "runId");
    refused(() -> mlflow.createRegisteredModel(" "), "name");
    refused(() -> mlflow.renameRegisteredModel("a", ""), "newName");
    refused(() -> mlflow.createModelVersion("m", " ", "r1"), "source");
    refusedAsync(mlflow.getRunAsync(""));
    refusedAsync(mlflow.deleteRegisteredModelAsync(".."));
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void keysWithCharactersMlflowRefusesOrThatChangeAsPaths() {
    for (String bad : List.of("rmse!", "a:b", "p=1", "/abs", "trailing/", "a//b", "./x", "a/../b", "..", "k".repeat(251))) {
      refused(() -> mlflow.logMetric("r1", bad, 1.0), "metric key");
      refused(() -> mlflow.logParam("r1", bad, "v"), "param key");
      refused(() -> mlflow.setTag("r1", bad, "v"), "tag key");
    }
    refused(() -> mlflow.logMetric("r1", " ", 1.0), "metric key");
    refused(() -> mlflow.createRun(CreateRunRequest.builder().experimentId("7").addTags(Tag.of("a b?", "v")).build()), "tag key");
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void keysMlflowAcceptsPass() {
    for (String good : List.of("rmse", "val/rmse", "a.b-c_d e", "métrica")) {
      dev.kiln.mlflow.internal.Rules.key(good, "metric key");
    }
  }

  @Test
  void negativeTimestamps() {
    refused(() -> mlflow.logMetric("r1", Metric.of("rmse", 1.0, -1, 0)), "timestamp");
    refused(() -> mlflow.createRun(CreateRunRequest.builder().experimentId("7").startTime(-5L).build()), "startTime");
    refused(() -> mlflow.updateRun(UpdateRunRequest.builder().runId("r1").endTime(-1L).build()), "endTime");
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void valuesThatCannotBeSent() {
    refused(() -> mlflow.updateRun(UpdateRunRequest.builder().runId("r1").status(RunStatus.UNKNOWN).build()), "UNKNOWN");
    refused(() -> mlflow.transitionStage("m", "1", ModelStage.UNKNOWN, false), "UNKNOWN");
    refused(() -> mlflow.transitionStage("m", "one", ModelStage.STAGING, false), "version");
    refused(() -> mlflow.getModelVersion("m", "0"), "version");
    refused(() -> mlflow.logParam("r1", "alpha", null), "value");
    refused(() -> mlflow.logParam("r1", "alpha", "x".repeat(6001)), "6000");
    refused(() -> mlflow.searchRuns(RunSearch.builder().build()), "experimentIds");
    refused(() -> mlflow.getMetricHistory("r1", "bad key!"), "metric key");
    assertEquals(0, server.getRequestCount());
  }
}
