package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs API 1.2 commands: {@code sql} on the workspace's SQL engine (table results), {@code python} in the
 * context's {@link PythonProcess} (text results; exceptions are {@code Finished} with an error result, as on
 * Databricks), {@code scala} and {@code r} answered with an error result. Every command has a deadline after
 * which it is stopped with status {@code Error}.
 */
final class CommandRunner {
  private static final Logger LOG = LoggerFactory.getLogger(CommandRunner.class);
  private static final int MAX_TABLE_ROWS = 10_000;

  private final SqlEngine engine;
  private final ScheduledExecutorService scheduler;
  private final Duration timeout;
  private final Optional<Path> python;

  CommandRunner(SqlEngine engine, ScheduledExecutorService scheduler, Duration timeout, Optional<Path> python) {
    this.engine = engine;
    this.scheduler = scheduler;
    this.timeout = timeout;
    this.python = python;
  }

  /** What a command ended with; {@link Command#finish} turns it into Cancelled when a cancel came first. */
  private static final class Outcome {
    final Command.Status status;
    final ObjectNode results;

    Outcome(Command.Status status, ObjectNode results) {
      this.status = status;
      this.results = results;
    }

    static Outcome finished(ObjectNode results) {
      return new Outcome(Command.Status.FINISHED, results);
    }
  }

  /** Starts a Python context's interpreter right away, so the context is Pending until Python is up. */
  void startUp(ExecutionContext context) {
    if (!context.language().equals("python") || python.isEmpty()) {
      return;
    }
    try {
      PythonProcess process = context.python(python.get());
      if (process != null) {
        withDeadline(process::kill, new AtomicBoolean(), () -> {
          process.awaitReady();
          return null;
        });
      }
    } catch (IOException | RuntimeException e) {
      LOG.debug("python for context {} did not start: {}", context.id(), e.toString());
      // the context still runs; its python commands report the problem
    }
  }

  void run(ExecutionContext context, Command command) {
    if (!command.begin()) {
      return; // cancelled while queued
    }
    Outcome outcome;
    try {
      switch (command.language()) {
        case "python":
          outcome = runPython(context, command);
          break;
        case "sql":
          outcome = runSql(command);
          break;
        default:
          outcome = Outcome.finished(CommandResults.error("UnsupportedOperationException",
              "The Kiln emulator cannot run " + command.language()
                  + " commands; it runs python (with a local python3) and sql."));
      }
    } catch (RuntimeException e) {
      LOG.warn("command {} broke the emulator", command.id(), e);
      outcome = new Outcome(Command.Status.ERROR, CommandResults.error("InternalError", "The emulator failed: " + e));
    }
    command.finish(outcome.status, outcome.results);
  }

  private Outcome runPython(ExecutionContext context, Command command) {
    if (python.isEmpty()) {
      return Outcome.finished(CommandResults.error("FileNotFoundError",
          "No python3 was found on the PATH of the Kiln emulator, so it cannot run python commands. Install"
              + " Python 3 or set LocalWorkspace.builder().pythonExecutable(...)."));
    }
    PythonProcess process;
    try {
      process = context.python(python.get());
    } catch (IOException e) {
      return Outcome.finished(CommandResults.error("FileNotFoundError",
          "The Kiln emulator cannot start " + python.get() + ": " + e.getMessage()));
    }
    if (process == null) {
      return Outcome.finished(null); // the context was destroyed: the command is Cancelled
    }
    command.onCancel(process::kill);
    AtomicBoolean timedOut = new AtomicBoolean();
    try {
      JsonNode reply = withDeadline(process::kill, timedOut, () -> process.execute(command.number(), command.code()));
      String text = reply.path("text").asText("");
      if (reply.path("ok").asBoolean()) {
        return Outcome.finished(CommandResults.text(withoutFinalNewline(text)));
      }
      return Outcome.finished(CommandResults.error(
          reply.path("summary").asText(), reply.path("cause").asText(), withoutFinalNewline(text)));
    } catch (IOException died) {
      context.forgetPython(process);
      if (timedOut.get()) {
        return new Outcome(Command.Status.ERROR, CommandResults.error("TimeoutException",
            "The command ran longer than the emulator's command timeout (" + timeout
                + ") and was stopped; the context's Python state was lost."));
      }
      if (command.isCancelling()) {
        return Outcome.finished(null); // becomes Cancelled; the next command starts a fresh interpreter
      }
      return Outcome.finished(CommandResults.error("RuntimeError",
          "The Python process of this execution context exited (" + died.getMessage()
              + "); its state was lost and the next command starts a fresh one."));
    }
  }

  private Outcome runSql(Command command) {
    JdbcCancel cancel = new JdbcCancel();
    command.onCancel(cancel::cancel);
    AtomicBoolean timedOut = new AtomicBoolean();
    try {
      QueryResult result = withDeadline(cancel::cancel, timedOut,
          () -> engine.run(StatementRequest.inline(command.code(), "cluster"), cancel));
      return Outcome.finished(CommandResults.table(result, MAX_TABLE_ROWS));
    } catch (SqlFailure failure) {
      return Outcome.finished(sqlError(failure));
    } catch (SQLException e) {
      if (timedOut.get()) {
        return new Outcome(Command.Status.ERROR, CommandResults.error("TimeoutException",
            "The command ran longer than the emulator's command timeout (" + timeout + ") and was stopped."));
      }
      return Outcome.finished(command.isCancelling() ? null : sqlError(SqlFailure.from(e)));
    }
  }

  private static ObjectNode sqlError(SqlFailure failure) {
    String exception = failure.errorClass().startsWith("PARSE") ? "ParseException" : "AnalysisException";
    return CommandResults.error(exception, failure.getMessage());
  }

  private static String withoutFinalNewline(String text) {
    return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
  }

  /** Blocking work that can fail with {@code E}. */
  @FunctionalInterface
  private interface Work<T, E extends Exception> {
    T call() throws E;
  }

  /** Runs {@code work}; if it takes longer than the timeout, {@code stop} runs and {@code timedOut} is set. */
  private <T, E extends Exception> T withDeadline(Runnable stop, AtomicBoolean timedOut, Work<T, E> work) throws E {
    ScheduledFuture<?> deadline;
    try {
      deadline = scheduler.schedule(() -> {
        timedOut.set(true);
        stop.run();
      }, timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException closing) {
      deadline = null; // the workspace is closing and will stop the work itself
    }
    try {
      return work.call();
    } finally {
      if (deadline != null) {
        deadline.cancel(false);
      }
    }
  }

  /** Lets a cancel or the deadline interrupt the command's JDBC statement. */
  private static final class JdbcCancel implements SqlEngine.CancelHook {
    private Statement running;
    private boolean cancelled;

    @Override
    public synchronized boolean started(Statement statement) {
      running = statement;
      return !cancelled;
    }

    @Override
    public synchronized void finished() {
      running = null;
    }

    void cancel() {
      Statement toCancel;
      synchronized (this) {
        cancelled = true;
        toCancel = running;
      }
      if (toCancel != null) {
        try {
          toCancel.cancel();
        } catch (SQLException ignored) {
          // already finished
        }
      }
    }
  }
}
