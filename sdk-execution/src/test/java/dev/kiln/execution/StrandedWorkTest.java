package dev.kiln.execution;

import static dev.kiln.execution.FakeWorkspace.CLUSTER;
import static dev.kiln.execution.FakeWorkspace.COMMAND_CANCEL;
import static dev.kiln.execution.FakeWorkspace.COMMAND_EXECUTE;
import static dev.kiln.execution.FakeWorkspace.COMMAND_STATUS;
import static dev.kiln.execution.FakeWorkspace.CONTEXT_CREATE;
import static dev.kiln.execution.FakeWorkspace.CONTEXT_DESTROY;
import static dev.kiln.execution.FakeWorkspace.CONTEXT_STATUS;
import static dev.kiln.execution.FakeWorkspace.body;
import static dev.kiln.execution.FakeWorkspace.json;
import static dev.kiln.execution.FakeWorkspace.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.error.ClientClosedException;
import dev.kiln.core.error.OperationInterruptedException;
import dev.kiln.core.spi.Calls;
import dev.kiln.core.testing.Wire;
import dev.kiln.execution.model.CommandResult;
import dev.kiln.execution.model.Language;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Remote work Kiln started is never left behind: a cancel or interrupt during the submit or create
 * call still learns the id and cancels or destroys; closing the DatabricksClient fails every
 * pending future with {@link ClientClosedException}, cancels commands and destroys contexts.
 * Answers are held on latches, never on timers.
 */
class StrandedWorkTest extends ExecutionTestBase {
  private final CountDownLatch arrived = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);

  /** Answers {@code body} once the test releases it; the request itself is seen at once. */
  private Function<RecordedRequest, MockResponse> held(String body) {
    return r -> {
      arrived.countDown();
      try {
        assertTrue(release.await(10, TimeUnit.SECONDS), "the test never released the answer");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return json(body);
    };
  }

  @AfterEach
  void releaseHeldAnswers() {
    release.countDown(); // never leave a MockWebServer thread parked
  }

  private void awaitArrived() throws InterruptedException {
    assertTrue(arrived.await(5, TimeUnit.SECONDS), "the held request never arrived");
  }

  @Test
  void cancellingExecuteAsyncDuringTheSubmitCancelsTheCommandOnceItsIdArrives() throws Exception {
    ExecutionContext ctx = startWithContext("ctx-1");
    ws.always(COMMAND_EXECUTE, held("{\"id\":\"cmd-9\"}")).always(COMMAND_STATUS, status("cmd-9", "Running", null));

    CompletableFuture<CommandResult> future = ctx.executeAsync("import time; time.sleep(3600)");
    awaitArrived();
    assertTrue(future.cancel(true));
    release.countDown();

    RecordedRequest cancel = ws.awaitRequests(COMMAND_CANCEL, 1).get(0);
    assertEquals(Wire.tree("{'clusterId':'" + CLUSTER + "','contextId':'ctx-1','commandId':'cmd-9'}"), body(cancel));
    Wire.assertAuthenticated(cancel);
    assertThrows(CancellationException.class, future::join);
  }

  @Test
  void interruptingExecuteDuringTheSubmitCancelsTheCommandOnceItsIdArrives() throws Exception {
    ExecutionContext ctx = startWithContext("ctx-1");
    ws.always(COMMAND_EXECUTE, held("{\"id\":\"cmd-7\"}")).always(COMMAND_STATUS, status("cmd-7", "Running", null));
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread user = new Thread(() -> {
      try {
        ctx.execute("while True: pass");
      } catch (Throwable t) {
        thrown.set(t);
      }
    }, "user-thread");
    user.start();
    awaitArrived();

    user.interrupt();
    user.join(5_000);
    assertFalse(user.isAlive());
    assertInstanceOf(OperationInterruptedException.class, thrown.get());
    release.countDown();

    assertEquals("cmd-7", body(ws.awaitRequests(COMMAND_CANCEL, 1).get(0)).get("commandId").asText());
  }

  @Test
  void cancellingSubmitAsyncDuringTheSubmitCancelsTheCommand() throws Exception {
    ExecutionContext ctx = startWithContext("ctx-1");
    ws.always(COMMAND_EXECUTE, held("{\"id\":\"cmd-5\"}")).always(COMMAND_STATUS, status("cmd-5", "Running", null));

    CompletableFuture<CommandHandle> submitting = ctx.submitAsync("1");
    awaitArrived();
    submitting.cancel(true);
    release.countDown();

    assertEquals("cmd-5", body(ws.awaitRequests(COMMAND_CANCEL, 1).get(0)).get("commandId").asText());
  }

  @Test
  void cancellingCreateContextAsyncDuringTheCreateDestroysTheContextOnceItsIdArrives() throws Exception {
    start(FakeWorkspace.runningCluster()
        .always(CONTEXT_CREATE, held("{\"id\":\"ctx-late\"}"))
        .always(CONTEXT_STATUS, "{\"id\":\"ctx-late\",\"status\":\"Pending\"}"));

    CompletableFuture<ExecutionContext> creating = exec.createContextAsync(CLUSTER, Language.PYTHON);
    awaitArrived();
    assertTrue(creating.cancel(true));
    release.countDown();

    RecordedRequest destroy = ws.awaitRequests(CONTEXT_DESTROY, 1).get(0);
    assertEquals(Wire.tree("{'clusterId':'" + CLUSTER + "','contextId':'ctx-late'}"), body(destroy));
    Wire.assertAuthenticated(destroy);
    assertTrue(ws.requests(CONTEXT_STATUS).isEmpty(), "a cancelled creation does not wait for the context");
  }

  @Test
  void closingTheClientFailsPendingCommandsWithClientClosedCancelsThemAndThenDestroysTheContext() throws Exception {
    ExecutionContext ctx = startWithContext("ctx-1");
    ws.then(COMMAND_EXECUTE, "{\"id\":\"cmd-1\"}")
        .then(COMMAND_EXECUTE, "{\"id\":\"cmd-2\"}")
        .always(COMMAND_STATUS, r -> json(status(r.getUrl().queryParameter("commandId"), "Running", null)));
    int sleepsSoFar = sleeper.sleeps().size();
    sleeper.hold(); // both commands wait for their first poll when the client closes

    CompletableFuture<CommandResult> executing = ctx.executeAsync("import time; time.sleep(3600)");
    CommandHandle submitted = ctx.submit("while True: pass");
    sleeper.awaitSleeps(sleepsSoFar + 2);

    db.close();

    assertThrows(ClientClosedException.class, () -> Calls.join(executing));
    assertThrows(ClientClosedException.class, submitted::await);
    assertTrue(submitted.isDone());
    List<String> paths = ws.paths();
    List<String> cancelled = List.of(body(ws.requests(COMMAND_CANCEL).get(0)).get("commandId").asText(),
        body(ws.requests(COMMAND_CANCEL).get(1)).get("commandId").asText());
    assertTrue(cancelled.containsAll(List.of("cmd-1", "cmd-2")), cancelled.toString());
    assertEquals(1, ws.requests(CONTEXT_DESTROY).size());
    assertTrue(paths.lastIndexOf(COMMAND_CANCEL) < paths.indexOf(CONTEXT_DESTROY), "cancels before the destroy: " + paths);
    assertTrue(ctx.isClosed());
  }

  @Test
  void closingTheClientDuringASubmitFailsItsFutureWithClientClosed() throws Exception {
    ExecutionContext ctx = startWithContext("ctx-1");
    ws.always(COMMAND_EXECUTE, held("{\"id\":\"cmd-3\"}"));

    CompletableFuture<CommandResult> executing = ctx.executeAsync("1");
    awaitArrived();
    db.close();

    assertThrows(ClientClosedException.class, () -> Calls.join(executing));
    assertEquals(1, ws.awaitRequests(CONTEXT_DESTROY, 1).size());
  }
}
