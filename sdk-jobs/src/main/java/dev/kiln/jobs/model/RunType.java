package dev.kiln.jobs.model;

import dev.kiln.core.spi.WireEnums;

/** {@code run_type}: a run of a job, a workflow run ({@code dbutils.notebook.run}) or a one-time submitted run. {@link #UNKNOWN} for values this SDK does not know. */
public enum RunType {
  JOB_RUN,
  WORKFLOW_RUN,
  SUBMIT_RUN,
  UNKNOWN;

  /** The constant for a wire value; absent or unrecognised values give {@link #UNKNOWN}. */
  public static RunType fromWire(String value) {
    return WireEnums.parse(RunType.class, value, UNKNOWN);
  }
}
