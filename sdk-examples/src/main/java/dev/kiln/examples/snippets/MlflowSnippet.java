package dev.kiln.examples.snippets;

import dev.kiln.mlflow.MlflowClient;
import dev.kiln.mlflow.model.CreateRunRequest;
import dev.kiln.mlflow.model.Metric;
import dev.kiln.mlflow.model.ModelStage;
import dev.kiln.mlflow.model.ModelVersion;

/** README "MLflow": a run logged in a scope, registered, promoted to Production; its metric history. */
@SuppressWarnings("unused") // snippets declare variables to show what a call returns
final class MlflowSnippet {
  private MlflowSnippet() {}

  static java.util.List<String> run(dev.kiln.core.DatabricksClient db) {
    // snippet:mlflow
    MlflowClient mlflow = MlflowClient.create(db);
    String experimentId = mlflow.createExperiment("/Users/ana@bir.gov.ph/withholding-forecast");
    String runId = mlflow.withRun(CreateRunRequest.of(experimentId), run -> {  // FINISHED, or FAILED if it throws
        run.logParam("coef.prev_month_wht", "1.05");
        run.logMetric("rmse", 1834.5);
        return run.runId();
    });
    mlflow.createRegisteredModel("bir_tax_forecaster");
    ModelVersion v1 = mlflow.createModelVersion("bir_tax_forecaster", "runs:/" + runId + "/model", runId)
            .await();                                                        // polls until READY
    mlflow.transitionStage("bir_tax_forecaster", v1.version(), ModelStage.PRODUCTION, true);
    for (Metric point : mlflow.getMetricHistory(runId, "rmse")) {          // lazy, page by page
        double rmse = point.value();
    }
    // end-snippet
    return java.util.List.of(v1.version(), mlflow.getModelVersion("bir_tax_forecaster", v1.version()).currentStage().name(),
        mlflow.getRun(runId).status().name());
  }
}
