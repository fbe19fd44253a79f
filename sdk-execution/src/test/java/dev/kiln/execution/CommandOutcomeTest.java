package dev.kiln.execution;

import static dev.kiln.execution.FakeWorkspace.COMMAND_CANCEL;
import static dev.kiln.execution.FakeWorkspace.COMMAND_EXECUTE;
import static dev.kiln.execution.FakeWorkspace.COMMAND_STATUS;
import static dev.kiln.execution.FakeWorkspace.body;
import static dev.kiln.execution.FakeWorkspace.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.kiln.core.spi.Futures;
import dev.kiln.core.error.OperationTimeoutException;
import dev.kiln.execution.model.CommandResult;
import dev.kiln.execution.model.CommandState;
import dev.kiln.execution.model.CommandStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Failures, cancels, timeouts and progress of commands. */
class CommandOutcomeTest extends ExecutionTestBase {
  private static final String HTML_SUMMARY =
      "<span class='ansi-red-fg'>NameError</span>: name &#39;x&#39; is not defined &amp; &lt;more&gt;";
  private static final String ANSI_CAUSE =
      "\u001b[0;31m---------\u001b[0m\n\u001b[0;31mNameError\u001b[0m: name 'x' is not defined";

  private static String errorResults(String summary, String cause) {
    return "{\"resultType\":\"error\",\"summary\":" + quote(summary) + ",\"cause\":" + quote(cause) + "}";
  }

  private static String quote(String s) {
    return s == null ? "null" : TextNode.valueOf(s).toString();
  }

  @Test
  void errorArrivingAsFinishedRaisesCommandFailedWithCleanTexts() {
    ExecutionContext ctx = startWithContext("ctx-1");
    ws.command("cmd-1", status("cmd-1", "Finished", errorResults(HTML_SUMMARY, ANSI_CAUSE)));

    CommandFailedException e = assertThrows(CommandFailedException.class, () -> ctx.execute("print(x)"));

    assertEquals("cmd-1", e.commandId());
    assertEquals("NameError: name 'x' is not defined & <more>", e.summary());
    assertEquals("---------\nNameError: name 'x' is not defined", e.details());
    assertEquals(HTML_SUMMARY, e.rawSummary().orElseThrow());
    assertEquals(ANSI_CAUSE, e.rawCause().orElseThrow());
    assertTrue(e.getMessage().contains("NameError: name 'x' is not defined"), e.getMessage());
  }

  @Test
  void errorStatusRaisesCommandFailed() {
    ExecutionContext ctx = startWithContext("ctx-1");
    ws.command("cmd-1", status("cmd-1", "Error", errorResults("boom", "Traceback...")));
    CommandFailedException e = assertThrows(CommandFailedException.class, () -> ctx.execute("raise"));
    assertEquals("boom", e.summary());
  }

  @Test
  void errorStatusWithoutResultsRaisesCommandFailed() {
    ExecutionContext ctx = startWithContext("ctx-1");
    ws.command("cmd-1", status("cmd-1", "Error", null));
    assertThrows(CommandFailedException.class, () -> ctx.execute("raise"));
  }

  @Test
  void cancelArrivingAsFinishedRaisesCommandCancelled() {
    ExecutionContext ctx = startWithContext("ctx-1");
    ws.command("cmd-1", status("cmd-1", "Finished", errorResults(null,
        "com.databricks.backend.common.rpc.CommandCancelledException\n\tat ...")));
    CommandCancelledException e = assertThrows(CommandCancelledException.class, () -> ctx.execute("1"));
    assertEquals("cmd-1", e.commandId());
  }

  @Test
  void cancelledStatusRaisesCommandCancelled() {
    ExecutionContext ctx = startWithContext("ctx-1");
    ws.command("cmd-1", status("cmd-1", "Cancelled", null));
    assertThrows(CommandCancelledException.class, () -> ctx.execute("1"));
  }

  @Test
  void cancellingTheFutureCancelsTheCommandOnTheCluster() {
    ExecutionContext ctx = startWithContext("ctx-1");
    ws.then(COMMAND_EXECUTE, "{\"id\":\"cmd-1\"}").always(COMMAND_STATUS, status("cmd-1", "Running", null));

    CompletableFuture<CommandResult> future = ctx.executeAsync("import time; time.sleep(3600)");
    ws.awaitRequests(COMMAND_STATUS, 1);
    future.cancel(true);

    assertEquals("cmd-1", body(ws.awaitRequests(COMMAND_CANCEL, 1).get(0)).get("commandId").asText());
  }

  @Test
  void executeWithTimeoutCancelsTheCommandWhenTimeRunsOut() {
    ExecutionContext ctx = startWithContext("ctx-1");
    ws.then(COMMAND_EXECUTE, "{\"id\":\"cmd-1\"}").always(COMMAND_STATUS, status("cmd-1", "Running", null));

    assertThrows(OperationTimeoutException.class, () -> ctx.execute("while True: pass", Duration.ofSeconds(30)));

    assertEquals("cmd-1", body(ws.awaitRequests(COMMAND_CANCEL, 1).get(0)).get("commandId").asText());
  }

  @Test
  void handleReportsProgressAndCanBeCancelled() {
    ExecutionContext ctx = startWithContext("ctx-1");
    ws.then(COMMAND_EXECUTE, "{\"id\":\"cmd-1\"}")
        .then(COMMAND_STATUS, status("cmd-1", "Queued", null))
        .then(COMMAND_STATUS, status("cmd-1", "Running", null))
        .then(COMMAND_STATUS, status("cmd-1", "Running", null))
        .then(COMMAND_STATUS, status("cmd-1", "Cancelling", null))
        .then(COMMAND_STATUS, status("cmd-1", "Cancelled", null));
    List<CommandState> seen = new CopyOnWriteArrayList<>();

    CommandHandle handle = ctx.submit("while True: pass");
    handle.addListener(s -> seen.add(s.state()));
    handle.cancel();

    assertThrows(CommandCancelledException.class, handle::await);
    assertEquals("cmd-1", handle.id());
    assertEquals(List.of(CommandState.QUEUED, CommandState.RUNNING, CommandState.CANCELLING, CommandState.CANCELLED),
        seen.subList(seen.indexOf(CommandState.QUEUED), seen.size()));
    CommandStatus last = handle.lastState().orElseThrow();
    assertEquals("Cancelled", last.rawState());
    assertTrue(handle.isDone());
    assertEquals(1, ws.requests(COMMAND_CANCEL).size());
  }

  @Test
  void handleAwaitReturnsTheResult() {
    ExecutionContext ctx = startWithContext("ctx-1");
    ws.then(COMMAND_EXECUTE, "{\"id\":\"cmd-1\"}")
        .then(COMMAND_STATUS, status("cmd-1", "Running", null))
        .then(COMMAND_STATUS, status("cmd-1", "Finished", "{\"resultType\":\"text\",\"data\":\"10\"}"));

    CommandHandle handle = ctx.submit("spark.range(10).count()");

    assertEquals("10", handle.await(Duration.ofSeconds(5)).text());
    assertEquals(CommandState.FINISHED, handle.lastState().orElseThrow().state());
    assertEquals("10", Futures.join(handle.resultAsync()).text());
  }
}
