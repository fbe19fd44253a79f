package dev.kiln.execution;

import static dev.kiln.execution.FakeWorkspace.CLUSTER;
import static dev.kiln.execution.FakeWorkspace.COMMAND_CANCEL;
import static dev.kiln.execution.FakeWorkspace.COMMAND_STATUS;
import static dev.kiln.execution.FakeWorkspace.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.core.error.OperationTimeoutException;
import dev.kiln.core.spi.Calls;
import dev.kiln.execution.model.CommandState;
import dev.kiln.execution.model.Language;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The client contract: async calls never throw, arguments are named, handles and poll cadence are core's. */
class ContractTest extends ExecutionTestBase {

  /** The async call returns a future failed with InvalidRequestException naming {@code argument}; nothing is sent. */
  private void failsNaming(String argument, Supplier<CompletableFuture<?>> call) {
    int before = ws.requests().size();
    CompletableFuture<?> f = call.get(); // must not throw
    InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> Calls.join(f));
    assertTrue(e.getMessage().contains(argument), e.getMessage());
    assertEquals(before, ws.requests().size(), "nothing is sent for bad input");
  }

  @Test
  void asyncCallsNeverThrowAndNameTheBadArgument() {
    ExecutionContext ctx = startWithContext("ctx-1");

    failsNaming("clusterId", () -> exec.createContextAsync(null, Language.PYTHON));
    failsNaming("clusterId", () -> exec.createContextAsync(" ", Language.PYTHON));
    failsNaming("clusterId", () -> exec.createContextAsync("..", Language.PYTHON));
    failsNaming("clusterId", () -> exec.createContextAsync("x".repeat(2000), Language.PYTHON));
    failsNaming("language", () -> exec.createContextAsync(CLUSTER, null));
    failsNaming("clusterId", () -> exec.clusters().getClusterAsync("."));
    failsNaming("clusterId", () -> exec.clusters().startClusterAsync(null));
    failsNaming("timeout", () -> exec.clusters().ensureRunningAsync(CLUSTER, null));
    failsNaming("timeout", () -> exec.clusters().ensureRunningAsync(CLUSTER, Duration.ofSeconds(-1)));
    failsNaming("code", () -> ctx.executeAsync(null));
    failsNaming("language", () -> ctx.executeAsync(null, "1"));
    failsNaming("code", () -> ctx.submitAsync(null));
    failsNaming("language", () -> ctx.submitAsync(null, "1"));

    failsNaming("timeout", () -> ctx.executeAsync("1", null));
    failsNaming("timeout", () -> ctx.executeAsync("1", Duration.ZERO));
    assertThrows(InvalidRequestException.class, () -> ctx.execute("1", null));
    assertThrows(InvalidRequestException.class, () -> exec.clusters().ensureRunning(CLUSTER, Duration.ZERO));
    assertThrows(InvalidRequestException.class, () -> ExecutionClient.create(null));
    assertThrows(InvalidRequestException.class, () -> ExecutionClient.create(db, null));
  }

  @Test
  void defaultCommandPollsStartAtHalfASecondAndGrowBy15Percent() {
    ExecutionContext ctx = startWithContext("ctx-1");
    ws.command("cmd-1", status("cmd-1", "Running", null));
    for (int i = 0; i < 4; i++) {
      ws.commandStatus("cmd-1", status("cmd-1", "Running", null));
    }
    ws.commandStatus("cmd-1", status("cmd-1", "Finished", "{\"resultType\":\"text\",\"data\":\"ok\"}"));
    int contextSleeps = sleeper.sleeps().size();

    assertEquals("ok", ctx.execute("work()").text());

    List<Duration> gaps = sleeper.sleeps().subList(contextSleeps, sleeper.sleeps().size());
    assertEquals(List.of(Duration.ofMillis(500), Duration.ofMillis(575), Duration.ofMillis(661), Duration.ofMillis(760),
        Duration.ofMillis(873), Duration.ofMillis(1003)), gaps);
    assertTrue(gaps.stream().allMatch(g -> g.toMillis() >= 500), "never more than 2 polls per second");
  }

  @Test
  void handleAwaitTimeoutLeavesTheCommandRunning() {
    ExecutionContext ctx = startWithContext("ctx-1");
    ws.then(FakeWorkspace.COMMAND_EXECUTE, "{\"id\":\"cmd-1\"}").always(COMMAND_STATUS, status("cmd-1", "Running", null));
    sleeper.hold(); // the handle waits for its next poll

    CommandHandle handle = ctx.submit("while True: pass");

    assertThrows(OperationTimeoutException.class, () -> handle.await(Duration.ZERO));
    assertFalse(handle.isDone());
    assertEquals(CommandState.UNKNOWN, handle.status()); // not polled yet
    assertEquals(CommandState.RUNNING, CommandState.fromWire(handle.poll().rawState()));
    assertEquals(CommandState.RUNNING, handle.status());
    assertEquals("Running", handle.rawStatus().orElseThrow());
    assertTrue(ws.requests(COMMAND_CANCEL).isEmpty(), "the timeout of await did not cancel");

    handle.cancel();
    assertEquals("cmd-1", FakeWorkspace.body(ws.awaitRequests(COMMAND_CANCEL, 1).get(0)).get("commandId").asText());
  }
}
