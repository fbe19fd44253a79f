package dev.kiln.mlflow.model;

/** Which experiments or runs a search returns: active ones (the default), deleted ones, or all. */
public enum ViewType {
  ACTIVE_ONLY,
  DELETED_ONLY,
  ALL
}
