package dev.kiln.emulator.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksError;
import com.databricks.sdk.core.error.platform.NotFound;
import com.databricks.sdk.service.ml.CreateExperiment;
import com.databricks.sdk.service.ml.CreateModelRequest;
import com.databricks.sdk.service.ml.CreateModelVersionRequest;
import com.databricks.sdk.service.ml.CreateRun;
import com.databricks.sdk.service.ml.Experiment;
import com.databricks.sdk.service.ml.ExperimentTag;
import com.databricks.sdk.service.ml.GetHistoryRequest;
import com.databricks.sdk.service.ml.GetModelResponse;
import com.databricks.sdk.service.ml.GetRunResponse;
import com.databricks.sdk.service.ml.LogBatch;
import com.databricks.sdk.service.ml.LogMetric;
import com.databricks.sdk.service.ml.LogParam;
import com.databricks.sdk.service.ml.Metric;
import com.databricks.sdk.service.ml.ModelVersion;
import com.databricks.sdk.service.ml.ModelVersionStatus;
import com.databricks.sdk.service.ml.Param;
import com.databricks.sdk.service.ml.Run;
import com.databricks.sdk.service.ml.RunInfoStatus;
import com.databricks.sdk.service.ml.RunTag;
import com.databricks.sdk.service.ml.SearchExperiments;
import com.databricks.sdk.service.ml.SearchModelVersionsRequest;
import com.databricks.sdk.service.ml.SearchRuns;
import com.databricks.sdk.service.ml.TransitionModelVersionStageDatabricks;
import com.databricks.sdk.service.ml.UpdateRun;
import com.databricks.sdk.service.ml.UpdateRunStatus;
import dev.kiln.emulator.LocalWorkspace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * MLflow through the official SDK's {@code ExperimentsAPI} and {@code ModelRegistryAPI}: every response the SDK
 * parses is also read strictly, so a field the emulator misspells (which the SDK would drop silently) fails here.
 */
class MlflowFidelityTest {
  static LocalWorkspace ws;
  static OfficialSdk.Recorder recorder = new OfficialSdk.Recorder();
  static WorkspaceClient w;

  @BeforeAll
  static void start() {
    ws = LocalWorkspace.builder().modelRegistrationTime(Duration.ZERO).servingEndpointStartTime(Duration.ZERO).start();
    w = OfficialSdk.client(ws, recorder);
  }

  @AfterAll
  static void stop() {
    ws.close();
  }

  private static void strict(String requestLine, Class<?> model) {
    List<String> problems = StrictJson.problems(recorder.lastBody(requestLine), model);
    assertEquals(List.of(), problems, requestLine + ": " + problems);
  }

  @Test
  void experimentsAndRunsRoundTrip() {
    String experimentId = w.experiments().createExperiment(new CreateExperiment().setName("/Users/kiln@localhost/fidelity")
        .setTags(List.of(new ExperimentTag().setKey("team").setValue("tax")))).getExperimentId();
    Experiment byName = w.experiments().getByName("/Users/kiln@localhost/fidelity").getExperiment();
    strict("GET /api/2.0/mlflow/experiments/get-by-name", com.databricks.sdk.service.ml.GetExperimentByNameResponse.class);
    assertEquals(experimentId, byName.getExperimentId());
    assertEquals("active", byName.getLifecycleStage());
    List<Experiment> found = StreamSupport.stream(w.experiments().searchExperiments(new SearchExperiments()
        .setFilter("tags.team = 'tax'")).spliterator(), false).collect(Collectors.toList());
    assertEquals(1, found.size());
    strict("POST /api/2.0/mlflow/experiments/search", com.databricks.sdk.service.ml.SearchExperimentsResponse.class);

    String runId = w.experiments().createRun(new CreateRun().setExperimentId(experimentId).setRunName("fit")
        .setStartTime(1L)).getRun().getInfo().getRunId();
    strict("POST /api/2.0/mlflow/runs/create", com.databricks.sdk.service.ml.CreateRunResponse.class);
    w.experiments().logParam(new LogParam().setRunId(runId).setKey("alpha").setValue("0.5"));
    w.experiments().logMetric(new LogMetric().setRunId(runId).setKey("rmse").setValue(0.9).setTimestamp(2L).setStep(0L));
    w.experiments().logMetric(new LogMetric().setRunId(runId).setKey("loss").setValue(Double.NaN).setTimestamp(2L).setStep(0L));
    w.experiments().logBatch(new LogBatch().setRunId(runId)
        .setMetrics(List.of(new Metric().setKey("rmse").setValue(0.4).setTimestamp(3L).setStep(1L)))
        .setParams(List.of(new Param().setKey("beta").setValue("2")))
        .setTags(List.of(new RunTag().setKey("team").setValue("tax"))));
    DatabricksError changed = assertThrows(DatabricksError.class,
        () -> w.experiments().logParam(new LogParam().setRunId(runId).setKey("alpha").setValue("0.7")));
    assertEquals("INVALID_PARAMETER_VALUE", changed.getErrorCode());
    w.experiments().updateRun(new UpdateRun().setRunId(runId).setStatus(UpdateRunStatus.FINISHED).setEndTime(4L));
    strict("POST /api/2.0/mlflow/runs/update", com.databricks.sdk.service.ml.UpdateRunResponse.class);

    GetRunResponse got = w.experiments().getRun(runId);
    strict("GET /api/2.0/mlflow/runs/get", GetRunResponse.class);
    assertEquals(RunInfoStatus.FINISHED, got.getRun().getInfo().getStatus());
    List<String> metrics = new ArrayList<>();
    got.getRun().getData().getMetrics().forEach(m -> metrics.add(m.getKey() + "=" + m.getValue()));
    assertTrue(metrics.containsAll(List.of("rmse=0.4", "loss=NaN")), metrics.toString());
    List<Double> history = new ArrayList<>();
    w.experiments().getHistory(new GetHistoryRequest().setRunId(runId).setMetricKey("rmse")).forEach(m -> history.add(m.getValue()));
    assertEquals(List.of(0.9, 0.4), history);
    List<Run> runs = StreamSupport.stream(w.experiments().searchRuns(new SearchRuns().setExperimentIds(List.of(experimentId))
        .setFilter("metrics.rmse < 0.5")).spliterator(), false).collect(Collectors.toList());
    assertEquals(1, runs.size());
    strict("POST /api/2.0/mlflow/runs/search", com.databricks.sdk.service.ml.SearchRunsResponse.class);
    assertThrows(NotFound.class, () -> w.experiments().getRun("0123456789abcdef0123456789abcdef"));
  }

  @Test
  void theRegistryRoundTrip() {
    String experimentId = w.experiments().createExperiment(new CreateExperiment().setName("/Users/kiln@localhost/registry"))
        .getExperimentId();
    String runId = w.experiments().createRun(new CreateRun().setExperimentId(experimentId)).getRun().getInfo().getRunId();
    w.modelRegistry().createModel(new CreateModelRequest().setName("fidelity_model"));
    strict("POST /api/2.0/mlflow/registered-models/create", com.databricks.sdk.service.ml.CreateModelResponse.class);
    ModelVersion created = w.modelRegistry().createModelVersion(new CreateModelVersionRequest().setName("fidelity_model")
        .setSource("runs:/" + runId + "/model").setRunId(runId)).getModelVersion();
    strict("POST /api/2.0/mlflow/model-versions/create", com.databricks.sdk.service.ml.CreateModelVersionResponse.class);
    assertEquals("1", created.getVersion());

    ModelVersion ready = w.modelRegistry().getModelVersion("fidelity_model", "1").getModelVersion();
    strict("GET /api/2.0/mlflow/model-versions/get", com.databricks.sdk.service.ml.GetModelVersionResponse.class);
    assertEquals(ModelVersionStatus.READY, ready.getStatus());
    String stage = w.modelRegistry().transitionStage(new TransitionModelVersionStageDatabricks().setName("fidelity_model")
        .setVersion("1").setStage("Production").setArchiveExistingVersions(true)).getModelVersionDatabricks().getCurrentStage();
    strict("POST /api/2.0/mlflow/databricks/model-versions/transition-stage",
        com.databricks.sdk.service.ml.TransitionStageResponse.class);
    assertEquals("Production", stage);

    GetModelResponse model = w.modelRegistry().getModel("fidelity_model");
    strict("GET /api/2.0/mlflow/databricks/registered-models/get", GetModelResponse.class);
    assertEquals("Production", model.getRegisteredModelDatabricks().getLatestVersions().iterator().next().getCurrentStage());
    List<ModelVersion> versions = StreamSupport.stream(w.modelRegistry().searchModelVersions(new SearchModelVersionsRequest()
        .setFilter("name = 'fidelity_model'")).spliterator(), false).collect(Collectors.toList());
    assertEquals(1, versions.size());
    strict("GET /api/2.0/mlflow/model-versions/search", com.databricks.sdk.service.ml.SearchModelVersionsResponse.class);
    assertTrue(w.modelRegistry().getModelVersionDownloadUri("fidelity_model", "1").getArtifactUri().startsWith("dbfs:/"));
    w.modelRegistry().deleteModel("fidelity_model");
    assertThrows(NotFound.class, () -> w.modelRegistry().getModel("fidelity_model"));
  }
}
