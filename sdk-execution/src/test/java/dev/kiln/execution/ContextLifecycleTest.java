package dev.kiln.execution;

import static dev.kiln.execution.FakeWorkspace.CLUSTER;
import static dev.kiln.execution.FakeWorkspace.COMMAND_CANCEL;
import static dev.kiln.execution.FakeWorkspace.COMMAND_EXECUTE;
import static dev.kiln.execution.FakeWorkspace.COMMAND_STATUS;
import static dev.kiln.execution.FakeWorkspace.CONTEXT_CREATE;
import static dev.kiln.execution.FakeWorkspace.CONTEXT_DESTROY;
import static dev.kiln.execution.FakeWorkspace.CONTEXT_STATUS;
import static dev.kiln.execution.FakeWorkspace.body;
import static dev.kiln.execution.FakeWorkspace.status;
import static dev.kiln.execution.FakeWorkspace.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.spi.Futures;
import dev.kiln.core.error.BadRequestException;
import dev.kiln.core.error.DatabricksClientException;
import dev.kiln.core.error.OperationInterruptedException;
import dev.kiln.core.testing.TestClients;
import dev.kiln.execution.model.Language;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** Creating contexts (with retries) and making sure none is left behind. */
class ContextLifecycleTest extends ExecutionTestBase {

  @Test
  void contextThatGoesToErrorIsDestroyedAndCreationRetriedWithBackoff() {
    start(FakeWorkspace.runningCluster()
        .then(CONTEXT_CREATE, "{\"id\":\"ctx-bad\"}")
        .then(CONTEXT_STATUS, "{\"id\":\"ctx-bad\",\"status\":\"Pending\"}")
        .then(CONTEXT_STATUS, "{\"id\":\"ctx-bad\",\"status\":\"Error\"}")
        .contextStarts("ctx-good"));

    ExecutionContext ctx = exec.createContext(CLUSTER, Language.SCALA);

    assertEquals("ctx-good", ctx.id());
    assertEquals(Language.SCALA, ctx.language());
    RecordedRequest destroy = ws.awaitRequests(CONTEXT_DESTROY, 1).get(0);
    assertEquals(tree("{\"clusterId\":\"" + CLUSTER + "\",\"contextId\":\"ctx-bad\"}"), body(destroy));
    assertEquals(2, ws.requests(CONTEXT_CREATE).size());
    assertTrue(sleeper.sleeps().contains(Duration.ofSeconds(2)), "retry backoff via the sleeper: " + sleeper.sleeps());
  }

  @Test
  void creationGivesUpAfterThreeErrorsDestroyingEachContext() {
    FakeWorkspace workspace = FakeWorkspace.runningCluster();
    for (int i = 1; i <= 3; i++) {
      workspace.then(CONTEXT_CREATE, "{\"id\":\"ctx-" + i + "\"}")
          .then(CONTEXT_STATUS, "{\"id\":\"ctx-" + i + "\",\"status\":\"Error\"}");
    }
    start(workspace);

    ContextCreationException e = assertThrows(ContextCreationException.class,
        () -> exec.createContext(CLUSTER, Language.PYTHON));

    assertEquals(3, e.attempts());
    List<RecordedRequest> destroys = ws.awaitRequests(CONTEXT_DESTROY, 3);
    for (int i = 1; i <= 3; i++) {
      assertEquals("ctx-" + i, body(destroys.get(i - 1)).get("contextId").asText());
    }
    assertTrue(sleeper.sleeps().containsAll(List.of(Duration.ofSeconds(2), Duration.ofSeconds(4))), sleeper.sleeps().toString());
  }

  @Test
  void cancellingCreationDestroysTheContextBeingStarted() {
    start(FakeWorkspace.runningCluster()
        .then(CONTEXT_CREATE, "{\"id\":\"ctx-slow\"}")
        .always(CONTEXT_STATUS, "{\"id\":\"ctx-slow\",\"status\":\"Pending\"}"));

    CompletableFuture<ExecutionContext> creating = exec.createContextAsync(CLUSTER, Language.PYTHON);
    ws.awaitRequests(CONTEXT_STATUS, 1);
    creating.cancel(true);

    assertEquals("ctx-slow", body(ws.awaitRequests(CONTEXT_DESTROY, 1).get(0)).get("contextId").asText());
  }

  @Test
  void closeDestroysTheContextAfterAnExceptionInTheTryBlock() {
    start(FakeWorkspace.runningCluster().contextStarts("ctx-1"));

    IllegalStateException boom = assertThrows(IllegalStateException.class, () -> {
      try (ExecutionContext ctx = exec.createContext(CLUSTER, Language.PYTHON)) {
        throw new IllegalStateException("boom in user code " + ctx.id());
      }
    });

    assertEquals("boom in user code ctx-1", boom.getMessage());
    assertEquals(0, boom.getSuppressed().length);
    assertEquals("ctx-1", body(ws.requests(CONTEXT_DESTROY).get(0)).get("contextId").asText());
  }

  @Test
  void failingCloseIsSuppressedUnderTheOriginalException() {
    start(FakeWorkspace.runningCluster().contextStarts("ctx-1")
        .then(CONTEXT_DESTROY, FakeWorkspace.error(400, "{\"error\":\"ContextNotFound: ctx-1\"}")));

    IllegalStateException boom = assertThrows(IllegalStateException.class, () -> {
      try (ExecutionContext ctx = exec.createContext(CLUSTER, Language.PYTHON)) {
        throw new IllegalStateException("boom in " + ctx.id());
      }
    });

    assertEquals("boom in ctx-1", boom.getMessage());
    assertEquals(1, boom.getSuppressed().length);
    BadRequestException closeFailure = assertInstanceOf(BadRequestException.class, boom.getSuppressed()[0]);
    assertTrue(closeFailure.getMessage().contains("ContextNotFound"), closeFailure.getMessage());
  }

  @Test
  void failingCloseAloneIsThrown() {
    ExecutionContext ctx = startWithContext("ctx-1");
    ws.then(CONTEXT_DESTROY, FakeWorkspace.error(400, "{\"error\":\"ContextNotFound: ctx-1\"}"));

    assertThrows(BadRequestException.class, ctx::close);
    ctx.close(); // already closed: quiet
  }

  @Test
  void closeIsIdempotentAndSendsOneDestroy() {
    ExecutionContext ctx = startWithContext("ctx-1");

    ctx.close();
    ctx.close();
    ctx.closeAsync().join();
    db.close();

    assertTrue(ctx.isClosed());
    assertEquals(1, ws.requests(CONTEXT_DESTROY).size());
  }

  @Test
  void closedContextRefusesCommands() {
    ExecutionContext ctx = startWithContext("ctx-1");
    ctx.close();

    DatabricksClientException e = assertThrows(DatabricksClientException.class, () -> ctx.execute("1"));
    assertTrue(e.getMessage().contains("closed"), e.getMessage());
    assertTrue(ws.requests(COMMAND_EXECUTE).isEmpty());
  }

  @Test
  void closingTheDatabricksClientDestroysOpenContexts() {
    start(FakeWorkspace.runningCluster());
    ExecutionContext first = open("ctx-1");
    ExecutionContext second = open("ctx-2");
    ExecutionContext closedEarlier = open("ctx-3");
    closedEarlier.close();

    db.close();

    List<RecordedRequest> destroys = ws.awaitRequests(CONTEXT_DESTROY, 3);
    assertEquals(3, destroys.size());
    assertEquals(List.of("ctx-3", "ctx-2", "ctx-1"),
        List.of(body(destroys.get(0)).get("contextId").asText(), body(destroys.get(1)).get("contextId").asText(),
            body(destroys.get(2)).get("contextId").asText()));
    destroys.forEach(r -> assertEquals("Bearer " + TestClients.TOKEN, r.getHeaders().get("Authorization")));
    assertTrue(first.isClosed());
    assertTrue(second.isClosed());
    first.close(); // nothing more to do
    assertEquals(3, ws.requests(CONTEXT_DESTROY).size());
  }

  @Test
  void closeStopsPollingCommandsStillRunning() {
    ExecutionContext ctx = startWithContext("ctx-1");
    ws.then(COMMAND_EXECUTE, "{\"id\":\"cmd-1\"}").always(COMMAND_STATUS, status("cmd-1", "Running", null));
    CompletableFuture<?> running = ctx.executeAsync("import time; time.sleep(3600)");
    ws.awaitRequests(COMMAND_STATUS, 1);

    ctx.close();

    DatabricksClientException e = assertThrows(DatabricksClientException.class, () -> Futures.join(running));
    assertTrue(e.getMessage().contains("closed"), e.getMessage());
  }

  @Test
  void interruptOfABlockingExecuteLeavesNoContextBehind() throws Exception {
    ExecutionContext ctx = startWithContext("ctx-1");
    ws.then(COMMAND_EXECUTE, "{\"id\":\"cmd-1\"}").always(COMMAND_STATUS, status("cmd-1", "Running", null));
    int sleepsSoFar = sleeper.sleeps().size();
    sleeper.hold(); // the command waits for its next poll when the interrupt comes
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicBoolean flagKept = new AtomicBoolean();
    Thread user = new Thread(() -> {
      try (ExecutionContext c = ctx) {
        c.execute("while True: pass");
      } catch (Throwable t) {
        thrown.set(t);
        flagKept.set(Thread.currentThread().isInterrupted());
      }
    }, "user-thread");
    user.start();
    sleeper.awaitSleeps(sleepsSoFar + 1);

    user.interrupt();
    user.join(5_000);

    assertFalse(user.isAlive());
    assertInstanceOf(OperationInterruptedException.class, thrown.get());
    assertEquals(0, thrown.get().getSuppressed().length, "close() waited for the destroy despite the interrupt");
    assertTrue(flagKept.get(), "the interrupt flag is set again");
    RecordedRequest cancel = ws.awaitRequests(COMMAND_CANCEL, 1).get(0);
    assertEquals(tree("{\"clusterId\":\"" + CLUSTER + "\",\"contextId\":\"ctx-1\",\"commandId\":\"cmd-1\"}"), body(cancel));
    RecordedRequest destroy = ws.awaitRequests(CONTEXT_DESTROY, 1).get(0);
    assertEquals(tree("{\"clusterId\":\"" + CLUSTER + "\",\"contextId\":\"ctx-1\"}"), body(destroy));
    assertTrue(ctx.isClosed());
  }

  @Test
  void toStringShowsIdsButNoToken() {
    ExecutionContext ctx = startWithContext("ctx-1");
    assertTrue(ctx.toString().contains("ctx-1"));
    assertFalse(ctx.toString().contains(TestClients.TOKEN));
  }
}
