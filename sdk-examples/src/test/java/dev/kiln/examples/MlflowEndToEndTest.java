package dev.kiln.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.DatabricksClient;
import dev.kiln.core.error.InvalidParameterValueException;
import dev.kiln.core.error.OperationTimeoutException;
import dev.kiln.core.error.ResourceAlreadyExistsException;
import dev.kiln.core.error.ResourceDoesNotExistException;
import dev.kiln.emulator.LocalWorkspace;
import dev.kiln.mlflow.MlflowClient;
import dev.kiln.mlflow.MlflowOptions;
import dev.kiln.mlflow.ModelRegistrationFailedException;
import dev.kiln.mlflow.ModelVersionHandle;
import dev.kiln.mlflow.RunScope;
import dev.kiln.mlflow.model.CreateExperimentRequest;
import dev.kiln.mlflow.model.CreateRunRequest;
import dev.kiln.mlflow.model.Experiment;
import dev.kiln.mlflow.model.ExperimentSearch;
import dev.kiln.mlflow.model.LifecycleStage;
import dev.kiln.mlflow.model.Metric;
import dev.kiln.mlflow.model.ModelStage;
import dev.kiln.mlflow.model.ModelVersion;
import dev.kiln.mlflow.model.ModelVersionStatus;
import dev.kiln.mlflow.model.Param;
import dev.kiln.mlflow.model.RegistrySearch;
import dev.kiln.mlflow.model.Run;
import dev.kiln.mlflow.model.RunBatch;
import dev.kiln.mlflow.model.RunSearch;
import dev.kiln.mlflow.model.RunStatus;
import dev.kiln.mlflow.model.Tag;
import dev.kiln.mlflow.model.ViewType;
import dev.kiln.serving.ServingClient;
import dev.kiln.serving.model.CreateEndpointRequest;
import dev.kiln.serving.model.InvocationRequest;
import dev.kiln.serving.model.ServedEntityInput;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** MlflowClient against the emulator: the whole lifecycle from an experiment to a served model version. */
class MlflowEndToEndTest {
  static final Duration REGISTRATION = Duration.ofMinutes(10);
  static final SettableClock CLOCK = new SettableClock(Instant.parse("2026-03-01T09:00:00Z"));
  static LocalWorkspace ws;
  static DatabricksClient db;
  static MlflowClient mlflow;

  @BeforeAll
  static void start() {
    ws = LocalWorkspace.builder().clock(CLOCK).modelRegistrationTime(REGISTRATION)
        .servingEndpointStartTime(Duration.ZERO).start();
    db = ws.client();
    mlflow = MlflowClient.create(db, MlflowOptions.builder().pollInitialDelay(Duration.ofMillis(250)).build());
  }

  @AfterAll
  static void stop() {
    ws.close();
  }

  /** The workspace clock: registration follows it, so the test moves it instead of waiting. */
  static final class SettableClock extends java.time.Clock {
    private volatile Instant now;

    SettableClock(Instant start) {
      this.now = start;
    }

    synchronized void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public java.time.Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private static String experiment() {
    return mlflow.createExperiment("/Users/kiln@localhost/" + UUID.randomUUID());
  }

  private static String uniqueModel() {
    return "m_" + UUID.randomUUID().toString().replace("-", "");
  }

  @Test
  void experimentsAreCreatedFoundRenamedDeletedAndRestored() {
    String name = "/Users/kiln@localhost/forecasting-" + UUID.randomUUID();
    String id = mlflow.createExperiment(CreateExperimentRequest.builder().name(name).addTags(Tag.of("team", "tax")).build());
    assertThrows(ResourceAlreadyExistsException.class, () -> mlflow.createExperiment(name));

    Experiment found = mlflow.getExperimentByName(name);
    assertEquals(id, found.experimentId());
    assertEquals(Map.of("team", "tax"), found.tagMap());
    assertEquals(List.of(id), ids(ExperimentSearch.builder().filter("tags.team = 'tax' and name LIKE '%forecasting-%'").build()));

    mlflow.updateExperiment(id, name + "-v2");
    assertEquals(name + "-v2", mlflow.getExperiment(id).name());
    mlflow.deleteExperiment(id);
    assertEquals(LifecycleStage.DELETED, mlflow.getExperiment(id).lifecycleStage());
    assertTrue(ids(ExperimentSearch.all()).stream().noneMatch(id::equals));
    assertTrue(ids(ExperimentSearch.builder().viewType(ViewType.DELETED_ONLY).build()).contains(id));
    mlflow.restoreExperiment(id);
    assertEquals(LifecycleStage.ACTIVE, mlflow.getExperiment(id).lifecycleStage());
    assertThrows(ResourceDoesNotExistException.class, () -> mlflow.getExperiment("987654321"));
  }

  private static List<String> ids(ExperimentSearch search) {
    return mlflow.searchExperiments(search).stream().map(Experiment::experimentId).collect(Collectors.toList());
  }

  @Test
  void aRunScopeEndsFinishedOrFailedAndLogsEverything() throws Exception {
    String experimentId = experiment();
    String ok = mlflow.withRun(CreateRunRequest.builder().experimentId(experimentId).runName("good").build(), run -> {
      run.logParam("alpha", "0.5");
      run.setTag("team", "tax");
      run.logMetric("rmse", 0.9, 0);
      run.logMetric("rmse", 0.4, 1);
      run.logMetric("loss", Double.NaN);
      return run.runId();
    });
    IllegalStateException boom = new IllegalStateException("diverged");
    String[] failedId = new String[1];
    assertSame(boom, assertThrows(IllegalStateException.class,
        () -> mlflow.withRun(CreateRunRequest.of(experimentId), run -> {
          failedId[0] = run.runId();
          throw boom;
        })));
    String closedId;
    try (RunScope run = mlflow.startRun(CreateRunRequest.of(experimentId))) {
      closedId = run.runId();
    }

    Run good = mlflow.getRun(ok);
    assertEquals(RunStatus.FINISHED, good.status());
    assertTrue(good.info().endTime().isPresent());
    assertEquals(Optional.of(0.4), good.data().metric("rmse"));
    assertTrue(Double.isNaN(good.data().metric("loss").orElseThrow()));
    assertEquals("0.5", good.data().paramMap().get("alpha"));
    assertEquals("tax", good.data().tagMap().get("team"));
    assertEquals(RunStatus.FAILED, mlflow.getRun(failedId[0]).status());
    assertEquals(RunStatus.FINISHED, mlflow.getRun(closedId).status());
    assertThrows(InvalidParameterValueException.class, () -> mlflow.logParam(ok, "alpha", "0.7"));
    mlflow.logParam(ok, "alpha", "0.5"); // the same value again is fine

    List<String> best = mlflow.searchRuns(RunSearch.builder().addExperimentIds(experimentId).filter("metrics.rmse < 0.5").build())
        .stream().map(Run::runId).collect(Collectors.toList());
    assertEquals(List.of(ok), best);
    mlflow.deleteRun(closedId);
    assertThrows(dev.kiln.core.error.InvalidStateException.class, () -> mlflow.logMetric(closedId, "rmse", 1));
  }

  @Test
  void aBatchOfAnySizeIsLoggedAndTheHistoryPagesBack() {
    String runId = mlflow.createRun(CreateRunRequest.of(experiment())).runId();
    RunBatch.Builder batch = RunBatch.builder();
    for (int i = 0; i < 2500; i++) {
      batch.addMetrics(Metric.of("loss", 1.0 / (i + 1), CLOCK.millis(), i));
    }
    for (int i = 0; i < 150; i++) {
      batch.addParams(Param.of("p" + i, String.valueOf(i)));
    }
    for (int i = 0; i < 120; i++) {
      batch.addTags(Tag.of("t" + i, "v"));
    }

    mlflow.logBatch(runId, batch.build());

    Run run = mlflow.getRun(runId);
    assertEquals(150, run.data().params().size());
    assertTrue(run.data().tags().size() >= 120);
    List<Metric> history = MlflowClient.create(db, MlflowOptions.builder().pageSize(1000).build())
        .getMetricHistory(runId, "loss").stream().collect(Collectors.toList());
    assertEquals(2500, history.size());
    assertEquals(2499, history.get(2499).step());
  }

  @Test
  void aVersionIsRegisteredOnTheWorkspaceClockPromotedAndServed() throws Exception {
    String runId = mlflow.withRun(CreateRunRequest.of(experiment()), run -> {
      run.logParam("coef.prev_month_wht", "1.1");
      run.logParam("intercept", "100");
      run.logMetric("rmse", 12.5);
      return run.runId();
    });
    String model = uniqueModel();
    mlflow.createRegisteredModel(model);
    ModelVersionHandle handle = mlflow.createModelVersion(model, "runs:/" + runId + "/model", runId);
    assertEquals(ModelVersionStatus.PENDING_REGISTRATION, handle.status());
    assertThrows(OperationTimeoutException.class, () -> handle.await(Duration.ofMillis(600)));

    CLOCK.advance(REGISTRATION);
    ModelVersion ready = handle.await(Duration.ofSeconds(20));
    assertEquals("1", ready.version());
    assertEquals(ModelVersionStatus.READY, ready.status());

    assertEquals(ModelStage.PRODUCTION, mlflow.transitionStage(model, "1", ModelStage.PRODUCTION, true).currentStage());
    assertEquals(Optional.of("1"), mlflow.getRegisteredModel(model).latestVersion(ModelStage.PRODUCTION).map(ModelVersion::version));
    assertTrue(mlflow.getDownloadUri(model, "1").startsWith("dbfs:/databricks/mlflow-registry/"));
    assertEquals(List.of("1"), mlflow.searchModelVersions(RegistrySearch.byName(model)).stream()
        .map(ModelVersion::version).collect(Collectors.toList()));

    ServingClient serving = ServingClient.create(db);
    String endpoint = "e-" + model.substring(2, 20);
    serving.createEndpoint(CreateEndpointRequest.builder().name(endpoint)
        .addServedEntities(ServedEntityInput.builder().entityName(model).entityVersion("1").build()).build())
        .await(Duration.ofSeconds(20));
    double[] predictions = serving.query(endpoint, InvocationRequest.dataframeRecords(List.of(Map.of("prev_month_wht", 1000.0))))
        .predictionsAsDoubles();
    assertEquals(1200.0, predictions[0], 1e-9, "100 + 1.1 × 1000, from the run's params");

    mlflow.updateRegisteredModel(model, "withholding forecast");
    assertEquals(model + "_v2", mlflow.renameRegisteredModel(model, model + "_v2").name());
    assertEquals(Optional.of("withholding forecast"), mlflow.getRegisteredModel(model + "_v2").description());
    assertTrue(mlflow.searchRegisteredModels(RegistrySearch.builder().filter("name LIKE 'm_%'").build()).stream()
        .anyMatch(m -> m.name().equals(model + "_v2")));
    mlflow.deleteRegisteredModel(model + "_v2");
    assertThrows(ResourceDoesNotExistException.class, () -> mlflow.getRegisteredModel(model + "_v2"));
  }

  @Test
  void aVersionWhoseRunIsGoneFailsRegistrationWithTheMessage() {
    String model = uniqueModel();
    mlflow.createRegisteredModel(model);
    ModelVersionHandle handle = mlflow.createModelVersion(
        dev.kiln.mlflow.model.CreateModelVersionRequest.builder().name(model).source("runs:/0badc0de/model").build());

    CLOCK.advance(REGISTRATION);
    ModelRegistrationFailedException e = assertThrows(ModelRegistrationFailedException.class,
        () -> handle.await(Duration.ofSeconds(20)));
    assertTrue(e.getMessage().contains("run '0badc0de' does not exist"), e.getMessage());
    assertEquals(model + "/1", e.operationId());
  }
}
