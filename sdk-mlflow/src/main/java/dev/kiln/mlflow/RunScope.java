package dev.kiln.mlflow;

import dev.kiln.core.spi.Calls;
import dev.kiln.mlflow.model.Metric;
import dev.kiln.mlflow.model.Run;
import dev.kiln.mlflow.model.RunBatch;
import dev.kiln.mlflow.model.RunInfo;
import dev.kiln.mlflow.model.RunStatus;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A run that is ended when the scope closes: the Java form of {@code with mlflow.start_run():}.
 *
 * <pre>{@code
 * try (RunScope run = mlflow.startRun(CreateRunRequest.of(experimentId))) {
 *   run.logParam("alpha", "0.5");
 *   run.logMetric("rmse", 0.87);
 * }                                 // ended FINISHED, with the end time
 * }</pre>
 *
 * <p><b>Failures.</b> {@link #close()} cannot see an exception leaving the {@code try} block (and a
 * {@code catch} clause runs only after the resource was closed), so a scope ends FINISHED unless it
 * was told otherwise. Either let {@link MlflowClient#withRun} run the body — it ends the run FAILED
 * when the body throws, and rethrows — or call {@link #fail()} inside the block before the exception
 * leaves it; {@link #end(RunStatus)} ends the run at once with any status (e.g. KILLED).
 *
 * <p>Thread-safe; the run is ended once, whichever of {@code end}, {@code close} comes first.
 */
public final class RunScope implements AutoCloseable {
  private final MlflowClient mlflow;
  private final Run run;
  private final AtomicReference<RunStatus> endAs = new AtomicReference<>(RunStatus.FINISHED);
  private final AtomicReference<CompletableFuture<RunInfo>> ended = new AtomicReference<>();

  RunScope(MlflowClient mlflow, Run run) {
    this.mlflow = mlflow;
    this.run = run;
  }

  /**
   * The id of the scope's run.
   *
   * @return the run's id
   */
  public String runId() {
    return run.runId();
  }

  /** The run as created (status RUNNING); {@code MlflowClient.getRun(runId())} reads it again. */
  public Run run() {
    return run;
  }

  /** Logs {@code value} at the client's current time, step 0. */
  public void logMetric(String key, double value) {
    mlflow.logMetric(runId(), key, value);
  }

  /** Logs {@code value} at the client's current time and {@code step}. */
  public void logMetric(String key, double value, long step) {
    mlflow.logMetric(runId(), Metric.of(key, value, mlflow.nowMillis(), step));
  }

  /**
   * Logs a param of the run; see {@link MlflowClient#logParam(String, String, String)}.
   *
   * @param key the param's name
   * @param value the param's value
   */
  public void logParam(String key, String value) {
    mlflow.logParam(runId(), key, value);
  }

  /**
   * Sets a tag of the run, replacing its value.
   *
   * @param key the tag's name
   * @param value the tag's value
   */
  public void setTag(String key, String value) {
    mlflow.setTag(runId(), key, value);
  }

  /** Any number of metrics, params and tags, split into requests within the API's limits. */
  public void logBatch(RunBatch batch) {
    mlflow.logBatch(runId(), batch);
  }

  /** Makes {@link #close()} end the run as FAILED instead of FINISHED. */
  public void fail() {
    endAs.set(RunStatus.FAILED);
  }

  /** The status {@link #close()} ends the run with. */
  RunStatus closingStatus() {
    return endAs.get();
  }

  /** Whether the run was ended (by {@link #end}, {@link #close} or {@link #endAsync}). */
  public boolean isEnded() {
    return ended.get() != null;
  }

  /** Ends the run now with {@code status} and the client's current time; later calls do nothing. */
  public RunInfo end(RunStatus status) {
    return Calls.join(endAsync(status));
  }

  /**
   * {@link #end(RunStatus)} without blocking. The first call sends {@code runs/update}; later calls
   * return the same future.
   */
  public CompletableFuture<RunInfo> endAsync(RunStatus status) {
    return Calls.async(() -> {
      dev.kiln.mlflow.internal.Rules.status(status);
      CompletableFuture<RunInfo> mine = new CompletableFuture<>();
      if (!ended.compareAndSet(null, mine)) {
        return ended.get();
      }
      mlflow.endRunAsync(runId(), status).whenComplete((info, e) -> {
        if (e != null) {
          mine.completeExceptionally(e);
        } else {
          mine.complete(info);
        }
      });
      return mine;
    });
  }

  /** Ends the run as FINISHED, or FAILED after {@link #fail()}; nothing when it was already ended. */
  @Override
  public void close() {
    end(endAs.get());
  }

  /** The run id and whether the run has ended or how {@link #close()} will end it. */
  @Override
  public String toString() {
    return "RunScope[" + runId() + (isEnded() ? ", ended" : ", " + endAs.get() + " on close") + "]";
  }
}
