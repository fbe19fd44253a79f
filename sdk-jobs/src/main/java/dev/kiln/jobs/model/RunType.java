package dev.kiln.jobs.model;

import dev.kiln.core.spi.WireEnums;

/** {@code run_type}: a run of a job, a workflow run ({@code dbutils.notebook.run}) or a one-time submitted run. {@link #UNKNOWN} for values this SDK does not know. */
public enum RunType {
  /** A run of a saved job (scheduled, triggered or run now). */
  JOB_RUN,
  /** A notebook run started with {@code dbutils.notebook.run}. */
  WORKFLOW_RUN,
  /** A one-time run submitted with {@code runs/submit}. */
  SUBMIT_RUN,
  /** A kind this SDK does not know; the raw value stays on the run. */
  UNKNOWN;

  /** The constant for a wire value; absent or unrecognised values give {@link #UNKNOWN}. */
  public static RunType fromWire(String value) {
    return WireEnums.parse(RunType.class, value, UNKNOWN);
  }
}
