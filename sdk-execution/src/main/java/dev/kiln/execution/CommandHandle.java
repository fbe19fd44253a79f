package dev.kiln.execution;

import dev.kiln.core.DatabricksClient;
import dev.kiln.core.OperationHandle;
import dev.kiln.core.spi.Futures;
import dev.kiln.core.spi.Poller;
import dev.kiln.execution.internal.ExecutionApi;
import dev.kiln.execution.internal.ExecutionWire;
import dev.kiln.execution.internal.ResultParser;
import dev.kiln.execution.model.CommandResult;
import dev.kiln.execution.model.CommandState;
import dev.kiln.execution.model.CommandStatus;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A command submitted to an execution context, observed by polling (no thread waits between
 * polls). {@link #await()} / {@link #resultAsync()} give the {@link CommandResult} or raise
 * {@link CommandFailedException} / {@link CommandCancelledException}. {@link #await(Duration)}
 * that runs out of time throws {@code OperationTimeoutException} and leaves the command running
 * (call {@link #cancel()} to stop it); cancelling {@link #resultAsync()} cancels the command on the
 * cluster. {@link #status()} is the typed {@link CommandState}, {@link #rawStatus()} the server's text.
 */
public final class CommandHandle extends OperationHandle<CommandStatus, CommandState, CommandResult> {
  private final String contextId;
  private final String clusterId;

  private CommandHandle(String commandId, String clusterId, String contextId, Poller<CommandStatus, CommandResult> poller) {
    super(commandId, poller, CommandState.class, CommandStatus::rawState);
    this.contextId = contextId;
    this.clusterId = clusterId;
  }

  /** Starts polling at once; with a {@code timeout} the command is cancelled when it runs out. */
  static CommandHandle start(DatabricksClient db, ExecutionApi api, ExecutionOptions options, String clusterId,
      String contextId, String commandId, Duration timeout) {
    // The first terminal answer, kept whole: the result (or failure) is read from its results.
    AtomicReference<ExecutionWire.CommandStatus> terminal = new AtomicReference<>();
    Poller.Builder<CommandStatus, CommandResult> b = Poller.<CommandStatus, CommandResult>builder(db)
        .poll(() -> Futures.map(api.commandStatus(clusterId, contextId, commandId), wire -> {
          CommandStatus status = CommandStatus.builder().commandId(commandId).rawState(String.valueOf(wire.status)).build();
          if (status.state().isTerminal()) {
            terminal.compareAndSet(null, wire);
          }
          return status;
        }))
        .isTerminal(s -> s.state().isTerminal())
        .result(s -> ResultParser.toResult(commandId, terminal.get()))
        .cancel(() -> api.cancelCommand(clusterId, contextId, commandId))
        .statusOf(CommandStatus::rawState)
        .initialDelay(options.commandPollInitialDelay())
        .maxDelay(options.commandPollMaxDelay())
        .multiplier(options.commandPollMultiplier())
        .description("command " + commandId + " in execution context " + contextId);
    if (timeout != null) {
      b.timeout(timeout).cancelOnTimeout(true);
    }
    return new CommandHandle(commandId, clusterId, contextId, b.start());
  }

  /** The execution context the command runs in. */
  public String contextId() {
    return contextId;
  }

  /** The cluster the command runs on. */
  public String clusterId() {
    return clusterId;
  }

  /** The command, context and cluster ids and the last status seen, for logs; never the code. */
  @Override
  public String toString() {
    return "CommandHandle[command=" + id() + ", context=" + contextId + ", cluster=" + clusterId
        + ", status=" + rawStatus().orElse("UNKNOWN") + "]";
  }
}
