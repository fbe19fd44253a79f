package dev.kiln.mlflow.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kiln.core.Page;
import dev.kiln.mlflow.model.Experiment;
import dev.kiln.mlflow.model.Metric;
import dev.kiln.mlflow.model.ModelVersion;
import dev.kiln.mlflow.model.RegisteredModel;
import dev.kiln.mlflow.model.Run;
import dev.kiln.mlflow.model.RunInfo;
import java.util.List;

/** The envelopes MLflow wraps its answers in; each is read by Jackson and unwrapped at once. */
public final class Responses {
  private Responses() {}

  /** {@code experiments/create}. */
  public static final class ExperimentId {
    @JsonProperty("experiment_id")
    public String experimentId;
  }

  /** {@code experiments/get} and {@code experiments/get-by-name}. */
  public static final class ExperimentEnvelope {
    @JsonProperty("experiment")
    public Experiment experiment;
  }

  public static final class ExperimentsPage {
    @JsonProperty("experiments")
    public List<Experiment> experiments;

    @JsonProperty("next_page_token")
    public String nextPageToken;

    public Page<Experiment> toPage() {
      return Page.of(experiments, nextPageToken);
    }
  }

  /** {@code runs/create} and {@code runs/get}. */
  public static final class RunEnvelope {
    @JsonProperty("run")
    public Run run;
  }

  public static final class RunsPage {
    @JsonProperty("runs")
    public List<Run> runs;

    @JsonProperty("next_page_token")
    public String nextPageToken;

    public Page<Run> toPage() {
      return Page.of(runs, nextPageToken);
    }
  }

  /** {@code runs/update}. */
  public static final class RunInfoEnvelope {
    @JsonProperty("run_info")
    public RunInfo runInfo;
  }

  /** {@code metrics/get-history}. */
  public static final class MetricsPage {
    @JsonProperty("metrics")
    public List<Metric> metrics;

    @JsonProperty("next_page_token")
    public String nextPageToken;

    public Page<Metric> toPage() {
      return Page.of(metrics, nextPageToken);
    }
  }

  /** {@code registered-models/create}, {@code rename} and {@code update}. */
  public static final class RegisteredModelEnvelope {
    @JsonProperty("registered_model")
    public RegisteredModel registeredModel;
  }

  /** {@code databricks/registered-models/get}. */
  public static final class DatabricksRegisteredModelEnvelope {
    @JsonProperty("registered_model_databricks")
    public RegisteredModel registeredModel;
  }

  public static final class RegisteredModelsPage {
    @JsonProperty("registered_models")
    public List<RegisteredModel> registeredModels;

    @JsonProperty("next_page_token")
    public String nextPageToken;

    public Page<RegisteredModel> toPage() {
      return Page.of(registeredModels, nextPageToken);
    }
  }

  /** {@code model-versions/create} and {@code model-versions/get}. */
  public static final class ModelVersionEnvelope {
    @JsonProperty("model_version")
    public ModelVersion modelVersion;
  }

  /** {@code databricks/model-versions/transition-stage}. */
  public static final class DatabricksModelVersionEnvelope {
    @JsonProperty("model_version_databricks")
    public ModelVersion modelVersion;
  }

  public static final class ModelVersionsPage {
    @JsonProperty("model_versions")
    public List<ModelVersion> modelVersions;

    @JsonProperty("next_page_token")
    public String nextPageToken;

    public Page<ModelVersion> toPage() {
      return Page.of(modelVersions, nextPageToken);
    }
  }

  /** {@code model-versions/get-download-uri}. */
  public static final class DownloadUri {
    @JsonProperty("artifact_uri")
    public String artifactUri;
  }
}
