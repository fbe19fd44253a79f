/** Implementation details of sdk-mlflow (wire bodies, argument rules, batch chunking); not for users. */
package dev.kiln.mlflow.internal;
