package dev.kiln.execution;

import dev.kiln.core.DatabricksClient;
import dev.kiln.core.LongRunningOperation;
import dev.kiln.core.Poller;
import dev.kiln.execution.internal.ExecutionApi;
import dev.kiln.execution.internal.ExecutionWire;
import dev.kiln.execution.internal.ResultParser;
import dev.kiln.execution.model.CommandResult;
import dev.kiln.execution.model.CommandState;
import dev.kiln.execution.model.CommandStatus;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A command submitted to an execution context, observed by polling (no thread waits between
 * polls). {@link #await()} / {@link #resultAsync()} give the {@link CommandResult} or raise
 * {@link CommandFailedException} / {@link CommandCancelledException}; cancelling
 * {@link #resultAsync()} cancels the command on the cluster.
 */
public final class CommandHandle implements LongRunningOperation<CommandStatus, CommandResult> {
  private final String commandId;
  private final String contextId;
  private final String clusterId;
  private final Poller<ExecutionWire.CommandStatus, CommandResult> poller;

  /** Starts polling at once; with a {@code timeout} the command is cancelled when it runs out. */
  CommandHandle(DatabricksClient db, ExecutionApi api, ExecutionOptions options, String clusterId, String contextId,
      String commandId, Duration timeout) {
    this.commandId = commandId;
    this.contextId = contextId;
    this.clusterId = clusterId;
    Poller.Builder<ExecutionWire.CommandStatus, CommandResult> b =
        Poller.<ExecutionWire.CommandStatus, CommandResult>builder(db)
            .poll(() -> api.commandStatus(clusterId, contextId, commandId))
            .isTerminal(s -> CommandState.fromWire(s.status).isTerminal())
            .result(s -> ResultParser.toResult(commandId, s))
            .cancel(() -> api.cancelCommand(clusterId, contextId, commandId))
            .statusOf(s -> String.valueOf(s.status))
            .initialDelay(options.commandPollInitialDelay())
            .maxDelay(options.commandPollMaxDelay())
            .description("command " + commandId + " in execution context " + contextId);
    if (timeout != null) {
      b.timeout(timeout).cancelOnTimeout(true);
    }
    this.poller = b.start();
  }

  public String id() {
    return commandId;
  }

  public String contextId() {
    return contextId;
  }

  public String clusterId() {
    return clusterId;
  }

  @Override
  public Optional<CommandStatus> lastState() {
    return poller.lastState().map(this::toStatus);
  }

  @Override
  public CommandStatus poll() {
    return toStatus(poller.poll());
  }

  @Override
  public CommandResult await(Duration timeout) {
    return poller.await(timeout);
  }

  @Override
  public CommandResult await() {
    return poller.await();
  }

  @Override
  public CompletableFuture<CommandResult> resultAsync() {
    return poller.resultAsync();
  }

  /** Asks the cluster to cancel; the result then fails with {@link CommandCancelledException}. */
  @Override
  public CompletableFuture<Void> cancel() {
    return poller.cancel();
  }

  @Override
  public boolean isDone() {
    return poller.isDone();
  }

  /** Called with the current status at once (if known), then on each change of status. */
  @Override
  public void addListener(Consumer<? super CommandStatus> listener) {
    poller.addListener(s -> listener.accept(toStatus(s)));
  }

  private CommandStatus toStatus(ExecutionWire.CommandStatus s) {
    return CommandStatus.builder().commandId(commandId).rawState(String.valueOf(s.status)).build();
  }

  @Override
  public String toString() {
    return "CommandHandle[command=" + commandId + ", context=" + contextId + ", cluster=" + clusterId
        + ", done=" + poller.isDone() + "]";
  }
}
