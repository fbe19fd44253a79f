/**
 * MLflow on Databricks: experiments, runs and their metrics, params and tags, metric history, and
 * the workspace model registry (registered models, versions, stages). Start with
 * {@link dev.kiln.mlflow.MlflowClient#create}.
 */
package dev.kiln.mlflow;
