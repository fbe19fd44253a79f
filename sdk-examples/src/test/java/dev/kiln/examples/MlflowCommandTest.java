package dev.kiln.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.emulator.LocalWorkspace;
import dev.kiln.mlflow.MlflowClient;
import dev.kiln.mlflow.model.CreateRunRequest;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kiln mlflow experiments|runs|models} against the emulator. */
class MlflowCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path home;

  static LocalWorkspace ws;
  static Cli kiln;
  static String experimentId;
  static String runId;

  @BeforeAll
  static void start() {
    ws = LocalWorkspace.builder().modelRegistrationTime(Duration.ZERO).start();
    kiln = Cli.against(ws, home);
    MlflowClient mlflow = MlflowClient.create(ws.client());
    experimentId = mlflow.createExperiment("/Users/kiln@localhost/cli");
    runId = mlflow.withRun(CreateRunRequest.builder().experimentId(experimentId).runName("ridge").build(), run -> {
      run.logParam("alpha", "0.5");
      run.logMetric("rmse", 2.0, 0);
      run.logMetric("rmse", 1.5, 1);
      return run.runId();
    });
    mlflow.createRegisteredModel("bir_tax_forecaster");
    mlflow.createModelVersion("bir_tax_forecaster", "runs:/" + runId + "/model", runId).await(Duration.ofSeconds(20));
  }

  @AfterAll
  static void stop() {
    ws.close();
  }

  private static void assertContains(Cli.Result r, String... expected) {
    assertEquals(0, r.exitCode, r::toString);
    for (String e : expected) {
      assertTrue(r.out.contains(e), () -> "missing: " + e + "\n" + r);
    }
  }

  @Test
  void experimentsListGetAndCreate() throws Exception {
    assertContains(kiln.run("mlflow", "experiments", "list", "--filter", "name LIKE '%/cli'"), experimentId, "/Users/kiln@localhost/cli", "(1 row)");
    assertContains(kiln.run("mlflow", "experiments", "get", "/Users/kiln@localhost/cli"), "experiment_id", experimentId, "active");
    Cli.Result created = kiln.run("--output", "json", "mlflow", "experiments", "create", "/Users/kiln@localhost/cli-2");
    assertEquals(0, created.exitCode, created::toString);
    JsonNode id = JSON.readTree(created.out).path("experiment_id");
    assertContains(kiln.run("mlflow", "experiments", "get", id.asText()), "/Users/kiln@localhost/cli-2");
  }

  @Test
  void runsListGetAndHistory() throws Exception {
    assertContains(kiln.run("mlflow", "runs", "list", experimentId, "--filter", "metrics.rmse < 2"), runId, "ridge", "FINISHED",
        "rmse=1.5", "alpha=0.5");
    assertContains(kiln.run("mlflow", "runs", "get", runId), "params.alpha", "metrics.rmse");
    Cli.Result history = kiln.run("--output", "json", "mlflow", "runs", "history", runId, "rmse");
    assertEquals(0, history.exitCode, history::toString);
    assertEquals(2, JSON.readTree(history.out).size());
    assertContains(kiln.run("mlflow", "runs", "history", runId, "rmse", "--limit", "1"), "(1 row)");
  }

  @Test
  void modelsListGetAndPromote() {
    assertContains(kiln.run("mlflow", "models", "promote", "bir_tax_forecaster", "1", "production", "--archive-existing"),
        "bir_tax_forecaster", "Production", "READY");
    assertContains(kiln.run("mlflow", "models", "list"), "bir_tax_forecaster", "1:Production");
    assertContains(kiln.run("mlflow", "models", "get", "bir_tax_forecaster"), "runs:/" + runId + "/model", "Production");
  }

  @Test
  void badInputIsAUsageErrorOrTheApisError() {
    Cli.Result stage = kiln.run("mlflow", "models", "promote", "bir_tax_forecaster", "1", "Live");
    assertEquals(2, stage.exitCode, stage::toString);
    assertTrue(stage.err.contains("STAGE must be None, Staging, Production or Archived"), stage::toString);
    Cli.Result missing = kiln.run("mlflow", "runs", "get", "0123456789abcdef0123456789abcdef");
    assertEquals(1, missing.exitCode, missing::toString);
    assertTrue(missing.err.contains("RESOURCE_DOES_NOT_EXIST"), missing::toString);
    assertEquals(2, kiln.run("mlflow").exitCode);
    assertEquals(2, kiln.run("mlflow", "runs", "history", runId, "rmse", "--limit", "0").exitCode);
  }
}
