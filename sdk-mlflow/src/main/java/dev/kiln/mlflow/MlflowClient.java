package dev.kiln.mlflow;

import dev.kiln.core.ApiRequest;
import dev.kiln.core.DatabricksClient;
import dev.kiln.core.PagedIterable;
import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.core.spi.Args;
import dev.kiln.core.spi.Calls;
import dev.kiln.core.spi.ClientInternals;
import dev.kiln.core.spi.Futures;
import dev.kiln.core.spi.Poller;
import dev.kiln.mlflow.internal.BatchChunks;
import dev.kiln.mlflow.internal.Body;
import dev.kiln.mlflow.internal.Responses;
import dev.kiln.mlflow.internal.Rules;
import dev.kiln.mlflow.model.CreateExperimentRequest;
import dev.kiln.mlflow.model.CreateModelVersionRequest;
import dev.kiln.mlflow.model.CreateRegisteredModelRequest;
import dev.kiln.mlflow.model.CreateRunRequest;
import dev.kiln.mlflow.model.Experiment;
import dev.kiln.mlflow.model.ExperimentSearch;
import dev.kiln.mlflow.model.Metric;
import dev.kiln.mlflow.model.ModelStage;
import dev.kiln.mlflow.model.ModelVersion;
import dev.kiln.mlflow.model.Param;
import dev.kiln.mlflow.model.RegisteredModel;
import dev.kiln.mlflow.model.RegistrySearch;
import dev.kiln.mlflow.model.Run;
import dev.kiln.mlflow.model.RunBatch;
import dev.kiln.mlflow.model.RunInfo;
import dev.kiln.mlflow.model.RunSearch;
import dev.kiln.mlflow.model.RunStatus;
import dev.kiln.mlflow.model.Tag;
import dev.kiln.mlflow.model.UpdateRunRequest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * MLflow tracking and the workspace model registry ({@code /api/2.0/mlflow/...}). Thread-safe; a
 * thin layer over a {@link DatabricksClient}, so create as many as convenient. Every call has an
 * {@code *Async} twin that never throws; searches and metric history are lazy
 * {@link PagedIterable}s fetched page by page while iterated. Bad input (a blank id or name, a key
 * with characters MLflow refuses, a negative timestamp, a duplicate param key in a batch, a stage
 * or status of {@code UNKNOWN}) is rejected with {@code InvalidRequestException} before anything is
 * sent. NaN and ±Infinity metric values are accepted, as MLflow accepts them.
 *
 * <p>Writes that are safe to repeat (params, tags, updates, deletes, stage transitions) are retried
 * after unclear failures; ones that are not (creating experiments, runs, models and versions;
 * logging metrics, whose points would be doubled) are not.
 *
 * <p>The registry calls use the workspace model registry, with stages. Unity Catalog models
 * ({@code catalog.schema.model}) have no stages; they are promoted with aliases instead.
 */
public final class MlflowClient {
  private static final String API = "/api/2.0/mlflow/";
  private static final int MAX_EXPERIMENT_PAGE = 1000;

  private final DatabricksClient db;
  private final MlflowOptions options;

  private MlflowClient(DatabricksClient db, MlflowOptions options) {
    this.db = db;
    this.options = options;
  }

  /** A client with {@link MlflowOptions#defaults()}. */
  public static MlflowClient create(DatabricksClient db) {
    return create(db, MlflowOptions.defaults());
  }

  /**
   * A client over {@code db} with the given tuning.
   *
   * @param db the workspace client to send through; not null
   * @param options polling, registration timeout and page size; not null
   * @return the client
   * @throws dev.kiln.core.error.InvalidRequestException if either argument is null
   */
  public static MlflowClient create(DatabricksClient db, MlflowOptions options) {
    return new MlflowClient(Args.notNull(db, "db"), Args.notNull(options, "options"));
  }

  /**
   * The tuning this client was created with.
   *
   * @return the options, never null
   */
  public MlflowOptions options() {
    return options;
  }

  long nowMillis() {
    return ClientInternals.of(db).clock().millis();
  }

  // ---- experiments ------------------------------------------------------------------------

  /** Creates an experiment and returns its id; RESOURCE_ALREADY_EXISTS when the name is taken. */
  public String createExperiment(CreateExperimentRequest request) {
    return Calls.join(createExperimentAsync(request));
  }

  /**
   * As {@link #createExperiment(CreateExperimentRequest)}, without blocking; a bad name or tag
   * fails the future with {@code InvalidRequestException} before anything is sent.
   *
   * @param request the experiment to create; not null
   * @return completes with the new experiment's id
   */
  public CompletableFuture<String> createExperimentAsync(CreateExperimentRequest request) {
    return Calls.async(() -> {
      Args.notNull(request, "request");
      Rules.experimentName(request.name(), "name");
      request.tags().forEach(Rules::tag);
      return Futures.map(db.callAsync(post("experiments/create", request), Responses.ExperimentId.class),
          r -> r.experimentId);
    });
  }

  /** Creates an experiment with just a name (on Databricks a workspace path); returns its id. */
  public String createExperiment(String name) {
    return Calls.join(createExperimentAsync(name));
  }

  /**
   * As {@link #createExperiment(String)}, without blocking.
   *
   * @param name the experiment's name (on Databricks a workspace path)
   * @return completes with the new experiment's id
   */
  public CompletableFuture<String> createExperimentAsync(String name) {
    return Calls.async(() -> createExperimentAsync(CreateExperimentRequest.builder()
        .name(Rules.experimentName(name, "name")).build()));
  }

  /**
   * The experiment with id {@code experimentId}, deleted or not ({@code experiments/get}).
   *
   * @param experimentId the experiment's id, not blank
   * @return the experiment
   * @throws dev.kiln.core.error.ResourceDoesNotExistException if there is no such experiment
   */
  public Experiment getExperiment(String experimentId) {
    return Calls.join(getExperimentAsync(experimentId));
  }

  /**
   * As {@link #getExperiment(String)}, without blocking.
   *
   * @param experimentId the experiment's id, not blank
   * @return completes with the experiment
   */
  public CompletableFuture<Experiment> getExperimentAsync(String experimentId) {
    return Calls.async(() -> Futures.map(db.callAsync(ApiRequest.get(API + "experiments/get")
        .query("experiment_id", Rules.experimentId(experimentId)).build(), Responses.ExperimentEnvelope.class),
        r -> r.experiment));
  }

  /** The experiment named {@code name} (deleted ones too); RESOURCE_DOES_NOT_EXIST when there is none. */
  public Experiment getExperimentByName(String name) {
    return Calls.join(getExperimentByNameAsync(name));
  }

  /**
   * As {@link #getExperimentByName(String)}, without blocking.
   *
   * @param name the experiment's name
   * @return completes with the experiment
   */
  public CompletableFuture<Experiment> getExperimentByNameAsync(String name) {
    return Calls.async(() -> Futures.map(db.callAsync(ApiRequest.get(API + "experiments/get-by-name")
        .query("experiment_name", Rules.experimentName(name, "name")).build(), Responses.ExperimentEnvelope.class),
        r -> r.experiment));
  }

  /** Experiments matching {@code search}, fetched page by page as they are read. */
  public PagedIterable<Experiment> searchExperiments(ExperimentSearch search) {
    Args.notNull(search, "search");
    int pageSize = Math.min(options.pageSize(), MAX_EXPERIMENT_PAGE);
    return PagedIterable.of(token -> db.call(ApiRequest.post(API + "experiments/search")
        .jsonBody(Body.of("filter", search.filter().orElse(null))
            .with("max_results", pageSize)
            .with("order_by", search.orderBy().isEmpty() ? null : search.orderBy())
            .with("page_token", token)
            .with("view_type", search.viewType().name())
            .build())
        .idempotent(true)
        .build(), Responses.ExperimentsPage.class).toPage());
  }

  /** Renames an experiment. */
  public void updateExperiment(String experimentId, String newName) {
    Calls.join(updateExperimentAsync(experimentId, newName));
  }

  /**
   * As {@link #updateExperiment(String, String)}, without blocking.
   *
   * @param experimentId the experiment's id, not blank
   * @param newName the new name
   * @return completes when renamed
   */
  public CompletableFuture<Void> updateExperimentAsync(String experimentId, String newName) {
    return Calls.async(() -> send(post("experiments/update", Body.of("experiment_id", Rules.experimentId(experimentId))
        .with("new_name", Rules.experimentName(newName, "newName")).build(), true)));
  }

  /** Marks an experiment and its runs deleted; {@link #restoreExperiment} undoes it. */
  public void deleteExperiment(String experimentId) {
    Calls.join(deleteExperimentAsync(experimentId));
  }

  /**
   * As {@link #deleteExperiment(String)}, without blocking.
   *
   * @param experimentId the experiment's id, not blank
   * @return completes when marked deleted
   */
  public CompletableFuture<Void> deleteExperimentAsync(String experimentId) {
    return Calls.async(() -> send(post("experiments/delete",
        Body.of("experiment_id", Rules.experimentId(experimentId)).build(), true)));
  }

  /**
   * Restores an experiment marked deleted, with its runs, metrics, params and tags
   * ({@code experiments/restore}).
   *
   * @param experimentId the experiment's id, not blank
   */
  public void restoreExperiment(String experimentId) {
    Calls.join(restoreExperimentAsync(experimentId));
  }

  /**
   * As {@link #restoreExperiment(String)}, without blocking.
   *
   * @param experimentId the experiment's id, not blank
   * @return completes when active again
   */
  public CompletableFuture<Void> restoreExperimentAsync(String experimentId) {
    return Calls.async(() -> send(post("experiments/restore",
        Body.of("experiment_id", Rules.experimentId(experimentId)).build(), true)));
  }

  // ---- runs -------------------------------------------------------------------------------

  /** Creates a run (status RUNNING); the start time is the client's clock unless the request sets one. */
  public Run createRun(CreateRunRequest request) {
    return Calls.join(createRunAsync(request));
  }

  /**
   * As {@link #createRun(CreateRunRequest)}, without blocking.
   *
   * @param request the experiment, name, start time and tags; not null
   * @return completes with the new run
   */
  public CompletableFuture<Run> createRunAsync(CreateRunRequest request) {
    return Calls.async(() -> {
      Args.notNull(request, "request");
      Rules.experimentId(request.experimentId());
      request.startTime().ifPresent(t -> Rules.timestamp(t, "startTime"));
      request.tags().forEach(Rules::tag);
      CreateRunRequest sent = request.startTime().isPresent() ? request : request.withStartTime(nowMillis());
      return Futures.map(db.callAsync(post("runs/create", sent), Responses.RunEnvelope.class), r -> r.run);
    });
  }

  /**
   * A run with its metadata and the latest value of each metric, its params and tags
   * ({@code runs/get}).
   *
   * @param runId the run's id, not blank
   * @return the run
   * @throws dev.kiln.core.error.ResourceDoesNotExistException if there is no such run
   */
  public Run getRun(String runId) {
    return Calls.join(getRunAsync(runId));
  }

  /**
   * As {@link #getRun(String)}, without blocking.
   *
   * @param runId the run's id, not blank
   * @return completes with the run
   */
  public CompletableFuture<Run> getRunAsync(String runId) {
    return Calls.async(() -> Futures.map(db.callAsync(ApiRequest.get(API + "runs/get")
        .query("run_id", Rules.runId(runId)).build(), Responses.RunEnvelope.class), r -> r.run));
  }

  /** Runs matching {@code search}, fetched page by page as they are read. */
  public PagedIterable<Run> searchRuns(RunSearch search) {
    Args.notNull(search, "search");
    if (search.experimentIds().isEmpty()) {
      throw new InvalidRequestException("search.experimentIds must name at least one experiment");
    }
    search.experimentIds().forEach(Rules::experimentId);
    return PagedIterable.of(token -> db.call(ApiRequest.post(API + "runs/search")
        .jsonBody(Body.of("experiment_ids", search.experimentIds())
            .with("filter", search.filter().orElse(null))
            .with("max_results", options.pageSize())
            .with("order_by", search.orderBy().isEmpty() ? null : search.orderBy())
            .with("page_token", token)
            .with("run_view_type", search.viewType().name())
            .build())
        .idempotent(true)
        .build(), Responses.RunsPage.class).toPage());
  }

  /** Changes a run's status, end time or name; returns the updated info. */
  public RunInfo updateRun(UpdateRunRequest request) {
    return Calls.join(updateRunAsync(request));
  }

  /**
   * As {@link #updateRun(UpdateRunRequest)}, without blocking; a status of {@code UNKNOWN} or a
   * negative end time fails the future before anything is sent.
   *
   * @param request the run and what to change; not null
   * @return completes with the run's updated info
   */
  public CompletableFuture<RunInfo> updateRunAsync(UpdateRunRequest request) {
    return Calls.async(() -> {
      Args.notNull(request, "request");
      Rules.runId(request.runId());
      request.status().ifPresent(Rules::status);
      request.endTime().ifPresent(t -> Rules.timestamp(t, "endTime"));
      return Futures.map(db.callAsync(ApiRequest.post(API + "runs/update").jsonBody(request).idempotent(true).build(),
          Responses.RunInfoEnvelope.class), r -> r.runInfo);
    });
  }

  /** Ends a run with {@code status} at the client's current time. */
  CompletableFuture<RunInfo> endRunAsync(String runId, RunStatus status) {
    return updateRunAsync(UpdateRunRequest.builder().runId(runId).status(status).endTime(nowMillis()).build());
  }

  /**
   * Marks a run deleted; {@link #restoreRun(String)} undoes it.
   *
   * @param runId the run's id, not blank
   */
  public void deleteRun(String runId) {
    Calls.join(deleteRunAsync(runId));
  }

  /**
   * As {@link #deleteRun(String)}, without blocking.
   *
   * @param runId the run's id, not blank
   * @return completes when marked deleted
   */
  public CompletableFuture<Void> deleteRunAsync(String runId) {
    return Calls.async(() -> send(post("runs/delete", Body.of("run_id", Rules.runId(runId)).build(), true)));
  }

  /**
   * Restores a run marked deleted.
   *
   * @param runId the run's id, not blank
   */
  public void restoreRun(String runId) {
    Calls.join(restoreRunAsync(runId));
  }

  /**
   * As {@link #restoreRun(String)}, without blocking.
   *
   * @param runId the run's id, not blank
   * @return completes when active again
   */
  public CompletableFuture<Void> restoreRunAsync(String runId) {
    return Calls.async(() -> send(post("runs/restore", Body.of("run_id", Rules.runId(runId)).build(), true)));
  }

  // ---- run scopes -------------------------------------------------------------------------

  /**
   * Creates a run and returns a scope that ends it when closed (FINISHED, or FAILED after
   * {@link RunScope#fail()}). See {@link #withRun} for a form that sees exceptions.
   */
  public RunScope startRun(CreateRunRequest request) {
    return Calls.join(startRunAsync(request));
  }

  /**
   * As {@link #startRun(CreateRunRequest)}, without blocking.
   *
   * @param request the experiment, name, start time and tags; not null
   * @return completes with a scope that ends the run when closed
   */
  public CompletableFuture<RunScope> startRunAsync(CreateRunRequest request) {
    return Calls.async(() -> Futures.map(createRunAsync(request), run -> new RunScope(this, run)));
  }

  /**
   * Runs {@code body} inside a new run: the run ends FINISHED when the body returns and FAILED when
   * it throws; the body's exception is rethrown unchanged (a failure to end the run is added to it
   * as suppressed). Returns the body's result.
   *
   * <pre>{@code
   * double rmse = mlflow.withRun(CreateRunRequest.of(experimentId), run -> {
   *   run.logParam("alpha", "0.5");
   *   double e = train();
   *   run.logMetric("rmse", e);
   *   return e;
   * });
   * }</pre>
   */
  public <T, X extends Exception> T withRun(CreateRunRequest request, RunBody<T, X> body) throws X {
    Args.notNull(body, "body");
    RunScope scope = startRun(request);
    T result;
    try {
      result = body.apply(scope);
    } catch (Exception | Error e) {
      try {
        scope.end(RunStatus.FAILED);
      } catch (RuntimeException endFailed) {
        e.addSuppressed(endFailed);
      }
      throw e;
    }
    scope.close();
    return result;
  }

  /**
   * {@link #withRun} without blocking the caller: the run is created, then {@code body} runs on the
   * client's executor (it may block), then the run is ended; the future completes with the body's
   * result or fails with what it threw.
   */
  public <T, X extends Exception> CompletableFuture<T> withRunAsync(CreateRunRequest request, RunBody<T, X> body) {
    return Calls.async(() -> {
      Args.notNull(body, "body");
      return Futures.compose(startRunAsync(request), scope -> CompletableFuture
          .supplyAsync(() -> {
            try {
              return body.apply(scope);
            } catch (Exception e) {
              throw new CompletionException(e);
            }
          }, ClientInternals.of(db).executor())
          .handle((result, error) -> {
            Throwable cause = error == null ? null : Futures.unwrap(error);
            CompletableFuture<T> done = new CompletableFuture<>();
            scope.endAsync(cause == null ? scope.closingStatus() : RunStatus.FAILED).whenComplete((info, endError) -> {
              if (cause != null) {
                if (endError != null) {
                  cause.addSuppressed(Futures.unwrap(endError));
                }
                done.completeExceptionally(cause);
              } else if (endError != null) {
                done.completeExceptionally(Futures.unwrap(endError));
              } else {
                done.complete(result);
              }
            });
            return done;
          })
          .thenCompose(f -> f));
    });
  }

  // ---- logging ----------------------------------------------------------------------------

  /** Logs {@code value} for {@code key} at the client's current time, step 0. */
  public void logMetric(String runId, String key, double value) {
    Calls.join(logMetricAsync(runId, key, value));
  }

  /**
   * As {@link #logMetric(String, String, double)}, without blocking; not retried after an unclear
   * failure (the point would be logged twice).
   *
   * @param runId the run's id, not blank
   * @param key the metric's name
   * @param value the value; NaN and infinities are allowed
   * @return completes when logged
   */
  public CompletableFuture<Void> logMetricAsync(String runId, String key, double value) {
    return Calls.async(() -> logMetricAsync(runId, Metric.of(Rules.key(key, "metric key"), value, nowMillis(), 0)));
  }

  /** Logs one metric point (key, value, timestamp, step). */
  public void logMetric(String runId, Metric metric) {
    Calls.join(logMetricAsync(runId, metric));
  }

  /**
   * As {@link #logMetric(String, Metric)}, without blocking.
   *
   * @param runId the run's id, not blank
   * @param metric the point to log; not null
   * @return completes when logged
   */
  public CompletableFuture<Void> logMetricAsync(String runId, Metric metric) {
    return Calls.async(() -> {
      Rules.runId(runId);
      Rules.metric(metric);
      return send(post("runs/log-metric", Body.of("run_id", runId)
          .with("key", metric.key())
          .with("value", metric.value())
          .with("timestamp", metric.timestamp())
          .with("step", metric.step())
          .build(), false));
    });
  }

  /** Logs a param; logging it again with the same value is fine, another value is INVALID_PARAMETER_VALUE. */
  public void logParam(String runId, String key, String value) {
    Calls.join(logParamAsync(runId, key, value));
  }

  /**
   * As {@link #logParam(String, String, String)}, without blocking.
   *
   * @param runId the run's id, not blank
   * @param key the param's name
   * @param value the param's value
   * @return completes when logged
   */
  public CompletableFuture<Void> logParamAsync(String runId, String key, String value) {
    return Calls.async(() -> {
      Rules.runId(runId);
      Args.notNull(value, "value");
      Param param = Rules.param(Param.of(Rules.key(key, "param key"), value));
      return send(post("runs/log-parameter", Body.of("run_id", runId)
          .with("key", param.key()).with("value", param.value()).build(), true));
    });
  }

  /** Sets a run tag (replacing its value). */
  public void setTag(String runId, String key, String value) {
    Calls.join(setTagAsync(runId, key, value));
  }

  /**
   * As {@link #setTag(String, String, String)}, without blocking.
   *
   * @param runId the run's id, not blank
   * @param key the tag's name
   * @param value the tag's value
   * @return completes when set
   */
  public CompletableFuture<Void> setTagAsync(String runId, String key, String value) {
    return Calls.async(() -> {
      Rules.runId(runId);
      Args.notNull(value, "value");
      Tag tag = Rules.tag(Tag.of(Rules.key(key, "tag key"), value));
      return send(post("runs/set-tag", Body.of("run_id", runId)
          .with("key", tag.key()).with("value", tag.value()).build(), true));
    });
  }

  /**
   * Logs any number of metrics, params and tags: sent in as few {@code runs/log-batch} requests as
   * the API's limits allow (1,000 metrics, 100 params, 100 tags, 1,000 items per request), one after
   * the other. Everything is checked before the first request. When a request fails the ones before
   * it stay logged and none after it is sent.
   */
  public void logBatch(String runId, RunBatch batch) {
    Calls.join(logBatchAsync(runId, batch));
  }

  /**
   * As {@link #logBatch(String, RunBatch)}, without blocking; completes when the last request
   * succeeded, or fails with the first request that failed.
   *
   * @param runId the run's id, not blank
   * @param batch what to log; not null
   * @return completes when everything is logged
   */
  public CompletableFuture<Void> logBatchAsync(String runId, RunBatch batch) {
    return Calls.async(() -> {
      Rules.runId(runId);
      Rules.batch(batch);
      CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
      for (RunBatch chunk : BatchChunks.split(batch)) {
        // Only the metrics make a batch unsafe to repeat (their points would be doubled).
        boolean idempotent = chunk.metrics().isEmpty();
        chain = Futures.compose(chain, v -> send(post("runs/log-batch", Body.of("run_id", runId)
            .with("metrics", chunk.metrics())
            .with("params", chunk.params())
            .with("tags", chunk.tags())
            .build(), idempotent)));
      }
      return chain;
    });
  }

  /** Every point logged for metric {@code key} of a run, fetched page by page as they are read. */
  public PagedIterable<Metric> getMetricHistory(String runId, String key) {
    Rules.runId(runId);
    Rules.key(key, "metric key");
    return PagedIterable.of(token -> db.call(ApiRequest.get(API + "metrics/get-history")
        .query("run_id", runId)
        .query("metric_key", key)
        .query("max_results", options.pageSize())
        .query("page_token", token)
        .build(), Responses.MetricsPage.class).toPage());
  }

  // ---- registered models ------------------------------------------------------------------

  /**
   * Creates a model in the workspace model registry ({@code registered-models/create}); not retried
   * after an unclear failure.
   *
   * @param request the name, description and tags; not null
   * @return the new model
   * @throws dev.kiln.core.error.ResourceAlreadyExistsException if the name is taken
   */
  public RegisteredModel createRegisteredModel(CreateRegisteredModelRequest request) {
    return Calls.join(createRegisteredModelAsync(request));
  }

  /**
   * As {@link #createRegisteredModel(CreateRegisteredModelRequest)}, without blocking.
   *
   * @param request the name, description and tags; not null
   * @return completes with the new model
   */
  public CompletableFuture<RegisteredModel> createRegisteredModelAsync(CreateRegisteredModelRequest request) {
    return Calls.async(() -> {
      Args.notNull(request, "request");
      Rules.modelName(request.name(), "name");
      request.tags().forEach(Rules::tag);
      return Futures.map(db.callAsync(post("registered-models/create", request),
          Responses.RegisteredModelEnvelope.class), r -> r.registeredModel);
    });
  }

  /**
   * Creates a model with just a name.
   *
   * @param name unique in the workspace registry
   * @return the new model
   */
  public RegisteredModel createRegisteredModel(String name) {
    return Calls.join(createRegisteredModelAsync(name));
  }

  /**
   * As {@link #createRegisteredModel(String)}, without blocking.
   *
   * @param name unique in the workspace registry
   * @return completes with the new model
   */
  public CompletableFuture<RegisteredModel> createRegisteredModelAsync(String name) {
    return Calls.async(() -> createRegisteredModelAsync(CreateRegisteredModelRequest.of(Rules.modelName(name, "name"))));
  }

  /** The model with its latest version per stage ({@code databricks/registered-models/get}). */
  public RegisteredModel getRegisteredModel(String name) {
    return Calls.join(getRegisteredModelAsync(name));
  }

  /**
   * As {@link #getRegisteredModel(String)}, without blocking.
   *
   * @param name the model's name
   * @return completes with the model
   */
  public CompletableFuture<RegisteredModel> getRegisteredModelAsync(String name) {
    return Calls.async(() -> Futures.map(db.callAsync(ApiRequest.get(API + "databricks/registered-models/get")
        .query("name", Rules.modelName(name, "name")).build(), Responses.DatabricksRegisteredModelEnvelope.class),
        r -> r.registeredModel));
  }

  /** Registered models matching {@code search}, fetched page by page as they are read. */
  public PagedIterable<RegisteredModel> searchRegisteredModels(RegistrySearch search) {
    Args.notNull(search, "search");
    return PagedIterable.of(token -> db.call(registrySearch("registered-models/search", search, token),
        Responses.RegisteredModelsPage.class).toPage());
  }

  /**
   * Renames a registered model; its versions follow.
   *
   * @param name the current name
   * @param newName the new name, not taken
   * @return the model under its new name
   */
  public RegisteredModel renameRegisteredModel(String name, String newName) {
    return Calls.join(renameRegisteredModelAsync(name, newName));
  }

  /**
   * As {@link #renameRegisteredModel(String, String)}, without blocking.
   *
   * @param name the current name
   * @param newName the new name
   * @return completes with the renamed model
   */
  public CompletableFuture<RegisteredModel> renameRegisteredModelAsync(String name, String newName) {
    return Calls.async(() -> Futures.map(db.callAsync(post("registered-models/rename",
        Body.of("name", Rules.modelName(name, "name")).with("new_name", Rules.modelName(newName, "newName")).build()),
        Responses.RegisteredModelEnvelope.class), r -> r.registeredModel));
  }

  /** Sets a registered model's description. */
  public void updateRegisteredModel(String name, String description) {
    Calls.join(updateRegisteredModelAsync(name, description));
  }

  /**
   * As {@link #updateRegisteredModel(String, String)}, without blocking.
   *
   * @param name the model's name
   * @param description the new description
   * @return completes when updated
   */
  public CompletableFuture<Void> updateRegisteredModelAsync(String name, String description) {
    return Calls.async(() -> send(ApiRequest.patch(API + "registered-models/update")
        .jsonBody(Body.of("name", Rules.modelName(name, "name")).with("description", Args.notNull(description, "description")).build())
        .idempotent(true)
        .build()));
  }

  /** Deletes a registered model and all its versions. */
  public void deleteRegisteredModel(String name) {
    Calls.join(deleteRegisteredModelAsync(name));
  }

  /**
   * As {@link #deleteRegisteredModel(String)}, without blocking.
   *
   * @param name the model's name
   * @return completes when deleted
   */
  public CompletableFuture<Void> deleteRegisteredModelAsync(String name) {
    return Calls.async(() -> send(ApiRequest.delete(API + "registered-models/delete")
        .query("name", Rules.modelName(name, "name")).build()));
  }

  // ---- model versions ---------------------------------------------------------------------

  /**
   * Registers a new version and returns at once with a handle that waits until it is READY:
   * {@code mlflow.createModelVersion(request).await()}.
   */
  public ModelVersionHandle createModelVersion(CreateModelVersionRequest request) {
    return Calls.join(createModelVersionAsync(request));
  }

  /**
   * As {@link #createModelVersion(CreateModelVersionRequest)}, without blocking: completes with the
   * handle once the version was created, before it is READY.
   *
   * @param request the model, source, run and tags; not null
   * @return completes with a handle that waits for READY
   */
  public CompletableFuture<ModelVersionHandle> createModelVersionAsync(CreateModelVersionRequest request) {
    return Calls.async(() -> {
      Args.notNull(request, "request");
      Rules.modelName(request.name(), "name");
      Args.notBlank(request.source(), "source");
      request.runId().ifPresent(Rules::runId);
      request.tags().forEach(Rules::tag);
      return Futures.map(db.callAsync(post("model-versions/create", request), Responses.ModelVersionEnvelope.class),
          r -> awaitReady(r.modelVersion.name(), r.modelVersion.version(), r.modelVersion));
    });
  }

  /** Registers the model at {@code source}, produced by run {@code runId}, as the next version of {@code name}. */
  public ModelVersionHandle createModelVersion(String name, String source, String runId) {
    return Calls.join(createModelVersionAsync(name, source, runId));
  }

  /**
   * As {@link #createModelVersion(String, String, String)}, without blocking.
   *
   * @param name the registered model
   * @param source where the model's files are, e.g. {@code runs:/<run_id>/model}
   * @param runId the run that produced it; may be null
   * @return completes with a handle that waits for READY
   */
  public CompletableFuture<ModelVersionHandle> createModelVersionAsync(String name, String source, String runId) {
    return Calls.async(() -> createModelVersionAsync(CreateModelVersionRequest.builder()
        .name(Rules.modelName(name, "name"))
        .source(Args.notBlank(source, "source"))
        .runId(Rules.runId(runId))
        .build()));
  }

  /** A handle on an existing version that waits until it is READY; the first poll comes after the initial delay. */
  public ModelVersionHandle waitUntilReady(String name, String version) {
    return awaitReady(Rules.modelName(name, "name"), Rules.version(version), null);
  }

  /**
   * One version of a registered model ({@code model-versions/get}).
   *
   * @param name the registered model
   * @param version the version number as a string, e.g. {@code "3"}
   * @return the version with its status and stage
   */
  public ModelVersion getModelVersion(String name, String version) {
    return Calls.join(getModelVersionAsync(name, version));
  }

  /**
   * As {@link #getModelVersion(String, String)}, without blocking.
   *
   * @param name the registered model
   * @param version the version number as a string
   * @return completes with the version
   */
  public CompletableFuture<ModelVersion> getModelVersionAsync(String name, String version) {
    return Calls.async(() -> Futures.map(db.callAsync(ApiRequest.get(API + "model-versions/get")
        .query("name", Rules.modelName(name, "name"))
        .query("version", Rules.version(version))
        .build(), Responses.ModelVersionEnvelope.class), r -> r.modelVersion));
  }

  /** Model versions matching {@code search} (e.g. {@link RegistrySearch#byName}), page by page. */
  public PagedIterable<ModelVersion> searchModelVersions(RegistrySearch search) {
    Args.notNull(search, "search");
    return PagedIterable.of(token -> db.call(registrySearch("model-versions/search", search, token),
        Responses.ModelVersionsPage.class).toPage());
  }

  /**
   * Moves a version to {@code stage}; with {@code archiveExistingVersions} the versions now in that
   * stage move to Archived. Returns the version as it is now.
   */
  public ModelVersion transitionStage(String name, String version, ModelStage stage, boolean archiveExistingVersions) {
    return Calls.join(transitionStageAsync(name, version, stage, archiveExistingVersions));
  }

  /**
   * As {@link #transitionStage(String, String, ModelStage, boolean)}, without blocking;
   * {@link ModelStage#UNKNOWN} fails the future before anything is sent.
   *
   * @param name the registered model
   * @param version the version number as a string
   * @param stage where to move it
   * @param archiveExistingVersions whether the versions now in {@code stage} move to Archived
   * @return completes with the version as it is now
   */
  public CompletableFuture<ModelVersion> transitionStageAsync(String name, String version, ModelStage stage,
      boolean archiveExistingVersions) {
    return Calls.async(() -> Futures.map(db.callAsync(ApiRequest.post(API + "databricks/model-versions/transition-stage")
        .jsonBody(Body.of("name", Rules.modelName(name, "name"))
            .with("version", Rules.version(version))
            .with("stage", Rules.stage(stage).wire())
            .with("archive_existing_versions", archiveExistingVersions)
            .build())
        .idempotent(true)
        .build(), Responses.DatabricksModelVersionEnvelope.class), r -> r.modelVersion));
  }

  /** Where the version's artifacts can be downloaded from ({@code artifact_uri}). */
  public String getDownloadUri(String name, String version) {
    return Calls.join(getDownloadUriAsync(name, version));
  }

  /**
   * As {@link #getDownloadUri(String, String)}, without blocking.
   *
   * @param name the registered model
   * @param version the version number as a string
   * @return completes with the artifact URI
   */
  public CompletableFuture<String> getDownloadUriAsync(String name, String version) {
    return Calls.async(() -> Futures.map(db.callAsync(ApiRequest.get(API + "model-versions/get-download-uri")
        .query("name", Rules.modelName(name, "name"))
        .query("version", Rules.version(version))
        .build(), Responses.DownloadUri.class), r -> r.artifactUri));
  }

  private ModelVersionHandle awaitReady(String name, String version, ModelVersion initial) {
    Poller<ModelVersion, ModelVersion> poller = Poller.<ModelVersion, ModelVersion>builder(db)
        .poll(() -> getModelVersionAsync(name, version))
        .isTerminal(ModelVersionHandle::isSettled)
        .result(ModelVersionHandle::resultOf)
        .statusOf(v -> v.rawStatus().orElse(""))
        .initialDelay(options.pollInitialDelay())
        .maxDelay(options.pollMaxDelay())
        .multiplier(options.pollMultiplier())
        .timeout(options.registrationTimeout())
        .description("model version " + ModelVersionHandle.idOf(name, version))
        .start(initial);
    return new ModelVersionHandle(name, version, poller);
  }

  // ---- plumbing ---------------------------------------------------------------------------

  private ApiRequest registrySearch(String path, RegistrySearch search, String token) {
    ApiRequest.Builder b = ApiRequest.get(API + path)
        .query("filter", search.filter().orElse(null))
        .query("max_results", options.pageSize());
    search.orderBy().forEach(clause -> b.query("order_by", clause));
    return b.query("page_token", token).build();
  }

  private static ApiRequest post(String path, Object body) {
    return ApiRequest.post(API + path).jsonBody(body).build();
  }

  private static ApiRequest post(String path, Object body, boolean idempotent) {
    return ApiRequest.post(API + path).jsonBody(body).idempotent(idempotent).build();
  }

  private CompletableFuture<Void> send(ApiRequest request) {
    return db.callAsync(request, Void.class);
  }

  /**
   * The client's name and its workspace client's description (which never includes a credential).
   */
  @Override
  public String toString() {
    return "MlflowClient[" + db + "]";
  }
}
