package dev.kiln.mlflow.model;

/** Which experiments or runs a search returns: active ones (the default), deleted ones, or all. */
public enum ViewType {
  /** Only active experiments or runs (the default). */
  ACTIVE_ONLY,
  /** Only those marked deleted (restorable). */
  DELETED_ONLY,
  /** Active and deleted alike. */
  ALL
}
