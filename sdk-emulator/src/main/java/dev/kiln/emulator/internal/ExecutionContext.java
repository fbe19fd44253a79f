package dev.kiln.emulator.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * One API 1.2 execution context on a cluster: its commands, run one after another in submission order on the
 * shared command pool (later ones wait as Queued), and for Python its own {@link PythonProcess}, which keeps
 * the context's variables between commands.
 */
final class ExecutionContext {
  enum Status {
    PENDING("Pending"),
    RUNNING("Running"),
    ERROR("Error");

    final String wire;

    Status(String wire) {
      this.wire = wire;
    }
  }

  private final String id;
  private final String clusterId;
  private final String language;
  private final Executor pool;
  private final StateChanges changes;
  private final Map<String, Command> commands = new ConcurrentHashMap<>();
  private final ArrayDeque<Runnable> work = new ArrayDeque<>();
  private boolean draining;
  private boolean destroyed;
  private Status status = Status.PENDING;
  private PythonProcess python;
  private int commandCount;

  ExecutionContext(String id, String clusterId, String language, Executor pool, StateChanges changes) {
    this.id = id;
    this.clusterId = clusterId;
    this.language = language;
    this.pool = pool;
    this.changes = changes;
  }

  String id() {
    return id;
  }

  String clusterId() {
    return clusterId;
  }

  String language() {
    return language;
  }

  synchronized Status status() {
    return status;
  }

  /** Runs {@code startUp} first (e.g. launching Python), then the context is Running. */
  void start(Runnable startUp) {
    enqueue(() -> {
      try {
        startUp.run();
      } finally {
        synchronized (this) {
          if (status == Status.PENDING) {
            status = Status.RUNNING;
            changes.changed();
          }
        }
      }
    });
  }

  /** Queues a command; {@code runner} executes it when the commands before it are done. */
  synchronized Command submit(String language, String code, CommandRunner runner) {
    Command command = new Command(Ids.hex32(), language, code, ++commandCount, changes);
    commands.put(command.id(), command);
    enqueue(() -> runner.run(this, command));
    return command;
  }

  Optional<Command> command(String commandId) {
    return commandId == null ? Optional.empty() : Optional.ofNullable(commands.get(commandId));
  }

  private synchronized void enqueue(Runnable task) {
    if (destroyed) {
      return;
    }
    work.add(task);
    if (!draining) {
      draining = true;
      try {
        pool.execute(this::drain);
      } catch (RejectedExecutionException closing) {
        draining = false;
      }
    }
  }

  private void drain() {
    while (true) {
      Runnable next;
      synchronized (this) {
        next = destroyed ? null : work.poll();
        if (next == null) {
          draining = false;
          return;
        }
      }
      next.run();
    }
  }

  /**
   * The context's Python process, launched when there is none (or the last one died); null once the context
   * is destroyed. Only the draining thread calls this.
   */
  PythonProcess python(Path executable) throws IOException {
    synchronized (this) {
      if (destroyed) {
        return null;
      }
      if (python != null && python.isAlive()) {
        return python;
      }
    }
    PythonProcess launched = PythonProcess.launch(executable);
    synchronized (this) {
      if (!destroyed) {
        python = launched;
        return launched;
      }
    }
    launched.close(); // destroyed while it launched
    return null;
  }

  /** Drops a Python process that died (killed by cancel or timeout, or exited); the next command starts anew. */
  void forgetPython(PythonProcess dead) {
    synchronized (this) {
      if (python == dead) {
        python = null;
      }
    }
    dead.close();
  }

  /** Stops everything: queued and running commands are cancelled and the Python process is killed. */
  void destroy() {
    PythonProcess toKill;
    List<Command> toCancel;
    synchronized (this) {
      if (destroyed) {
        return;
      }
      destroyed = true;
      status = Status.ERROR;
      changes.changed();
      work.clear();
      toKill = python;
      python = null;
      toCancel = new ArrayList<>(commands.values());
    }
    toCancel.forEach(Command::cancel);
    if (toKill != null) {
      toKill.close();
    }
  }

  synchronized boolean isDestroyed() {
    return destroyed;
  }
}
