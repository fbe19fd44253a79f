package dev.kiln.emulator.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The knobs of the cluster, command execution, Model Serving and Vector Search emulation, collected by {@code
 * LocalWorkspace.Builder}. Mutable while the builder fills it; the runtime only reads it.
 */
public final class WorkloadSettings {
  private Duration clusterStartTime = Duration.ofMillis(200);
  private int contextsPerCluster = 20;
  private Duration commandTimeout = Duration.ofMinutes(5);
  private Optional<Path> pythonExecutable = PythonLocator.onPath();
  private Duration servingEndpointStartTime = Duration.ofMillis(200);
  private int vectorSearchPageSize = 1000;

  /** How long PENDING, RESTARTING and TERMINATING last. */
  public void clusterStartTime(Duration time) {
    this.clusterStartTime = notNegative(time, "clusterStartTime");
  }

  /** Execution contexts a cluster holds at once; creating one more fails. */
  public void contextsPerCluster(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("contextsPerCluster must be at least 1, got " + limit);
    }
    this.contextsPerCluster = limit;
  }

  /** How long one command may run before it is stopped with status Error. */
  public void commandTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "commandTimeout");
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("commandTimeout must be positive, got " + timeout);
    }
    this.commandTimeout = timeout;
  }

  /** The Python interpreter for {@code python} commands; empty means none (commands then fail clearly). */
  public void pythonExecutable(Optional<Path> python) {
    this.pythonExecutable = Objects.requireNonNull(python, "pythonExecutable");
  }

  /** How long an endpoint created over the API stays NOT_READY. */
  public void servingEndpointStartTime(Duration time) {
    this.servingEndpointStartTime = notNegative(time, "servingEndpointStartTime");
  }

  /** Rows per page of a vector search query; more results come through next-page tokens. */
  public void vectorSearchPageSize(int rows) {
    if (rows < 1) {
      throw new IllegalArgumentException("vectorSearchPageSize must be at least 1, got " + rows);
    }
    this.vectorSearchPageSize = rows;
  }

  Duration clusterStartTime() {
    return clusterStartTime;
  }

  int contextsPerCluster() {
    return contextsPerCluster;
  }

  Duration commandTimeout() {
    return commandTimeout;
  }

  Optional<Path> pythonExecutable() {
    return pythonExecutable;
  }

  Duration servingEndpointStartTime() {
    return servingEndpointStartTime;
  }

  int vectorSearchPageSize() {
    return vectorSearchPageSize;
  }

  private static Duration notNegative(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, got " + value);
    }
    return value;
  }
}
