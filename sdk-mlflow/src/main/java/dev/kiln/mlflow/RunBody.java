package dev.kiln.mlflow;

/**
 * The work done inside a run by {@link MlflowClient#withRun}: it logs through the {@link RunScope}
 * and returns a result. Whatever it throws (checked or not) ends the run as FAILED and is rethrown
 * unchanged.
 *
 * @param <T> the result
 * @param <X> what it may throw; inferred, so a body that throws nothing checked needs no try/catch
 */
@FunctionalInterface
public interface RunBody<T, X extends Exception> {
  /**
   * The work to do in the run.
   *
   * @param run the open run, to log to
   * @return the result {@code withRun} returns
   * @throws X whatever the work throws; the run then ends FAILED
   */
  T apply(RunScope run) throws X;
}
