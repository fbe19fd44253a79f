package dev.kiln.emulator.internal;

import dev.kiln.emulator.ClusterState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The execution contexts of all clusters: creation (only on a RUNNING cluster, at most {@code limit} per
 * cluster), lookup and destruction. Owns the pool that runs commands, one thread per busy context. When a
 * cluster stops, its contexts are destroyed, as a restart or termination does on Databricks.
 */
final class ExecutionContexts implements AutoCloseable {
  private static final long SHUTDOWN_WAIT_SECONDS = 5;

  private final Map<String, ExecutionContext> contexts = new ConcurrentHashMap<>();
  /** Every command ever submitted, by id, so tests can wait for one without naming its context. */
  private final Map<String, Command> commands = new ConcurrentHashMap<>();
  private final StateChanges changes;
  private final Clusters clusters;
  private final CommandRunner runner;
  private final int limitPerCluster;
  private final NamedThreads threads = new NamedThreads("kiln-workspace-commands");
  private final ThreadPoolExecutor pool =
      new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), threads,
          new ThreadPoolExecutor.AbortPolicy());

  ExecutionContexts(Clusters clusters, CommandRunner runner, int limitPerCluster, StateChanges changes) {
    this.clusters = clusters;
    this.changes = changes;
    this.runner = runner;
    this.limitPerCluster = limitPerCluster;
    clusters.onStop(this::destroyAllOn);
  }

  /** Creates a context; fails with an API 1.2 style message when the cluster cannot take one. */
  ExecutionContext create(String clusterId, String language) {
    Cluster cluster = clusters.require(clusterId);
    ExecutionContext context;
    synchronized (this) {
      ClusterState state = cluster.state();
      if (state != ClusterState.RUNNING) {
        throw notRunning(cluster, state);
      }
      long open = contexts.values().stream().filter(c -> c.clusterId().equals(clusterId)).count();
      if (open >= limitPerCluster) {
        throw new ApiException(400, "RESOURCE_EXHAUSTED",
            "Too many execution contexts are open right now (Limit set currently to " + limitPerCluster + ")");
      }
      context = new ExecutionContext(Ids.contextId(), clusterId, language, pool, changes);
      contexts.put(context.id(), context);
    }
    context.start(() -> runner.startUp(context));
    return context;
  }

  private static ApiException notRunning(Cluster cluster, ClusterState state) {
    if (state == ClusterState.PENDING || state == ClusterState.RESTARTING || state == ClusterState.RESIZING) {
      // The text Databricks sends while a cluster comes up; clients treat it as transient.
      return ApiException.invalidState(
          "ClusterNotReadyException: Cluster " + cluster.id() + " is not ready yet (state " + state + ")");
    }
    String reason = cluster.stateMessage().isEmpty() ? "" : ": " + cluster.stateMessage();
    return ApiException.invalidState(
        "Cluster " + cluster.id() + " is not running (state " + state + ")" + reason
            + "; start it before creating an execution context");
  }

  ExecutionContext require(String clusterId, String contextId) {
    ExecutionContext context = contextId == null ? null : contexts.get(contextId);
    if (context == null || !context.clusterId().equals(clusterId)) {
      throw ApiException.notFound("Context " + contextId + " does not exist on cluster " + clusterId);
    }
    return context;
  }

  void destroy(String clusterId, String contextId) {
    ExecutionContext context = require(clusterId, contextId);
    contexts.remove(contextId, context);
    context.destroy();
  }

  private void destroyAllOn(String clusterId) {
    List<ExecutionContext> doomed = new ArrayList<>();
    contexts.values().removeIf(context -> {
      boolean onCluster = context.clusterId().equals(clusterId);
      if (onCluster) {
        doomed.add(context);
      }
      return onCluster;
    });
    doomed.forEach(ExecutionContext::destroy);
  }

  /** Queues a command on the context. */
  Command submit(ExecutionContext context, String language, String code) {
    Command command = context.submit(language, code, runner);
    commands.put(command.id(), command);
    return command;
  }

  /** Test support: blocks until the context is no longer Pending and returns its status. */
  ExecutionContext.Status awaitStarted(String contextId, Duration timeout) {
    ExecutionContext context = contextId == null ? null : contexts.get(contextId);
    if (context == null) {
      throw new IllegalArgumentException("execution context " + contextId + " does not exist");
    }
    changes.await(() -> context.status() != ExecutionContext.Status.PENDING, timeout,
        () -> "execution context " + contextId + " is still " + context.status().wire);
    return context.status();
  }

  /** Test support: blocks until the command has left {@code Queued} and returns its status then. */
  Command.Status awaitStarted(Command command, Duration timeout) {
    changes.await(() -> command.status() != Command.Status.QUEUED, timeout,
        () -> "command " + command.id() + " is still Queued");
    return command.status();
  }

  /** Test support: blocks until the command is Finished, Cancelled or Error and returns that status. */
  Command.Status awaitTerminal(Command command, Duration timeout) {
    changes.await(() -> command.status().isTerminal(), timeout,
        () -> "command " + command.id() + " is still " + command.status().wire);
    return command.status();
  }

  Command command(String commandId) {
    Command command = commandId == null ? null : commands.get(commandId);
    if (command == null) {
      throw new IllegalArgumentException("command " + commandId + " does not exist");
    }
    return command;
  }

  /** Destroys every context (killing their Python processes) and stops the command threads. */
  @Override
  public void close() {
    List<ExecutionContext> all = new ArrayList<>(contexts.values());
    contexts.clear();
    all.forEach(ExecutionContext::destroy);
    pool.shutdownNow();
    try {
      pool.awaitTermination(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
      threads.join(TimeUnit.SECONDS.toNanos(SHUTDOWN_WAIT_SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
