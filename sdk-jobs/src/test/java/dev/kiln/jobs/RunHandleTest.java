package dev.kiln.jobs;

import static dev.kiln.core.testing.Wire.bodyTree;
import static dev.kiln.core.testing.Wire.error;
import static dev.kiln.core.testing.Wire.expect;
import static dev.kiln.core.testing.Wire.expectGet;
import static dev.kiln.core.testing.Wire.expectJsonPost;
import static dev.kiln.core.testing.Wire.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.error.OperationFailedException;
import dev.kiln.core.error.OperationTimeoutException;
import dev.kiln.core.testing.Wire;
import dev.kiln.jobs.model.Run;
import dev.kiln.jobs.model.RunLifeCycleState;
import dev.kiln.jobs.model.RunNowRequest;
import dev.kiln.jobs.model.RunResult;
import dev.kiln.jobs.model.RunResultState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The run state machine as RunHandle follows it: every terminal state ends the wait, in-progress ones do not. */
class RunHandleTest extends JobsTestBase {
  private static final String URL = "https://ws.example/#job/42/run/11";

  static String run(String lifeCycle, String result, String taskState) {
    return "{'run_id': 11, 'job_id': 42, 'run_page_url': '" + URL + "', 'state': {'life_cycle_state': '" + lifeCycle + "'"
        + (result == null ? "" : ", 'result_state': '" + result + "'") + ", 'state_message': 'msg " + lifeCycle + "'},"
        + " 'tasks': [{'run_id': 12, 'task_key': 'ingest', 'state': {'life_cycle_state': '" + taskState + "'"
        + (result == null ? "" : ", 'result_state': '" + result + "'") + "}}]}";
  }

  @Test
  void aSuccessfulRunEndsWithEachTasksOutput() {
    server.enqueue(ok("{'run_id': 11, 'number_in_job': 1}"));
    server.enqueue(ok(run("PENDING", null, "PENDING")));
    server.enqueue(ok(run("RUNNING", null, "RUNNING")));
    server.enqueue(ok(run("TERMINATED", "SUCCESS", "TERMINATED")));
    server.enqueue(ok("{'notebook_output': {'result': '1234 rows'}}"));

    RunResult result = jobs.runNow(42).await();

    expect(server, "POST", "/api/2.2/jobs/run-now");
    for (int i = 0; i < 3; i++) {
      expectGet(server, "/api/2.2/jobs/runs/get?run_id=11");
    }
    expectGet(server, "/api/2.2/jobs/runs/get-output?run_id=12");
    assertEquals(RunLifeCycleState.TERMINATED, result.run().lifeCycleState());
    assertEquals(Optional.of("1234 rows"), result.notebookResult("ingest"));
    assertEquals(List.of(Duration.ofSeconds(1), Duration.ofMillis(1500), Duration.ofMillis(2250)), sleeper.sleeps());
  }

  @Test
  void blockedAndWaitingForRetryAreStillInProgress() {
    server.enqueue(ok("{'run_id': 11}"));
    server.enqueue(ok(run("BLOCKED", null, "BLOCKED")));
    server.enqueue(ok(run("WAITING_FOR_RETRY", null, "WAITING_FOR_RETRY")));
    server.enqueue(ok(run("QUEUED", null, "QUEUED")));
    server.enqueue(ok(run("TERMINATED", "SUCCESS", "TERMINATED")));
    server.enqueue(ok("{}"));

    RunResult result = jobs.runNow(42).await();

    assertEquals(Optional.of(RunResultState.SUCCESS), result.run().resultState());
    assertEquals(6, server.getRequestCount());
  }

  @ParameterizedTest
  @CsvSource({
      "TERMINATED, FAILED", "TERMINATED, TIMEDOUT", "TERMINATED, CANCELED", "TERMINATED, UPSTREAM_FAILED",
      "TERMINATED, MAXIMUM_CONCURRENT_RUNS_REACHED", "SKIPPED, ", "INTERNAL_ERROR, ", "INTERNAL_ERROR, FAILED",
      "TERMINATED, SOMETHING_NEW"})
  void everyOtherTerminalStateEndsTheWaitWithRunFailed(String lifeCycle, String result) {
    server.enqueue(ok("{'run_id': 11}"));
    server.enqueue(ok(run("RUNNING", null, "RUNNING")));
    server.enqueue(ok(run(lifeCycle, result, lifeCycle)));
    server.enqueue(ok("{'error': 'ZeroDivisionError: division by zero', 'error_trace': 'Traceback...'}"));

    RunHandle handle = jobs.runNow(42);
    RunFailedException e = assertThrows(RunFailedException.class, handle::await);

    assertTrue(e instanceof OperationFailedException);
    assertEquals("11", e.operationId());
    assertEquals(RunLifeCycleState.valueOf(lifeCycle), e.lifeCycleState());
    assertEquals(Optional.of(URL), e.runPageUrl());
    assertEquals(Optional.of("msg " + lifeCycle), e.stateMessage());
    assertTrue(e.getMessage().contains(URL), e.getMessage());
    assertTrue(e.getMessage().contains("msg " + lifeCycle), e.getMessage());
    assertEquals(Optional.of("ZeroDivisionError: division by zero"), e.outputs().get("ingest").error());
    if (result != null) {
      assertTrue(e.getMessage().contains("ZeroDivisionError"), e.getMessage());
    }
    assertEquals(RunLifeCycleState.valueOf(lifeCycle), handle.status());
    assertTrue(handle.isDone());
  }

  @Test
  void statusAloneIsEnough() {
    server.enqueue(ok("{'run_id': 11}"));
    server.enqueue(ok("{'run_id': 11, 'status': {'state': 'WAITING'}}"));
    server.enqueue(ok("{'run_id': 11, 'status': {'state': 'TERMINATED', 'termination_details':"
        + " {'code': 'RUN_EXECUTION_ERROR', 'type': 'CLIENT_ERROR', 'message': 'Task ingest failed'}}}"));

    RunHandle handle = jobs.runNow(42);
    List<String> seen = new CopyOnWriteArrayList<>();
    handle.addListener(r -> seen.add(r.rawLifeCycleState().orElse("?")));
    RunFailedException e = assertThrows(RunFailedException.class, handle::await);

    assertEquals(List.of("WAITING_FOR_RETRY", "TERMINATED"), seen);
    assertEquals(Optional.of(RunResultState.FAILED), e.resultState());
    assertEquals(Optional.of("RUN_EXECUTION_ERROR"), e.terminationCode());
    assertEquals(Optional.of("Task ingest failed"), e.stateMessage());
  }

  @Test
  void aSkippedRunInStatusOnlyReadsAsSkipped() {
    server.enqueue(ok("{'run_id': 11, 'status': {'state': 'TERMINATED', 'termination_details':"
        + " {'code': 'SKIPPED', 'type': 'SUCCESS', 'message': 'An upstream run was skipped'}}}"));

    Run run = jobs.getRun(11);

    assertEquals(RunLifeCycleState.SKIPPED, run.lifeCycleState());
    assertEquals(Optional.empty(), run.resultState());
  }

  @Test
  void listenersSeeEveryTaskStateChangeOnce() {
    String two = "{'run_id': 11, 'state': {'life_cycle_state': '%s'%s}, 'tasks': ["
        + "{'run_id': 12, 'task_key': 'a', 'state': {'life_cycle_state': '%s'}},"
        + "{'run_id': 13, 'task_key': 'b', 'state': {'life_cycle_state': '%s'}}]}";
    OutputsByRunId dispatcher = new OutputsByRunId();
    server.setDispatcher(dispatcher);
    dispatcher.replies.add(ok("{'run_id': 11}"));
    dispatcher.replies.add(ok(String.format(two, "RUNNING", "", "RUNNING", "PENDING")));
    dispatcher.replies.add(ok(String.format(two, "RUNNING", "", "RUNNING", "PENDING"))); // no change
    dispatcher.replies.add(ok(String.format(two, "RUNNING", "", "TERMINATED", "RUNNING")));
    dispatcher.replies.add(ok(String.format(two, "TERMINATED", ", 'result_state': 'SUCCESS'", "TERMINATED", "TERMINATED")));

    RunHandle handle = jobs.runNow(42);
    List<String> seen = new CopyOnWriteArrayList<>();
    handle.addListener(r -> seen.add(r.tasks().get(0).lifeCycleState() + "," + r.tasks().get(1).lifeCycleState()));
    RunResult result = handle.await();

    assertEquals(List.of("RUNNING,PENDING", "TERMINATED,RUNNING", "TERMINATED,TERMINATED"), seen);
    assertEquals(Optional.of("out 12"), result.notebookResult("a"));
    assertEquals(Optional.of("out 13"), result.notebookResult("b"));
  }

  @Test
  void aRetriedRunNowResendsTheSameIdempotencyToken() {
    server.enqueue(error(503, "{'error_code': 'TEMPORARILY_UNAVAILABLE', 'message': 'try again'}"));
    server.enqueue(ok("{'run_id': 11}"));

    RunHandle handle = jobs.runNow(RunNowRequest.builder().jobId(42).putJobParameters("month", "2026-02").build());
    handle.resultAsync().cancel(true);

    RecordedRequest first = expect(server, "POST", "/api/2.2/jobs/run-now");
    RecordedRequest second = expect(server, "POST", "/api/2.2/jobs/run-now");
    String token = bodyTree(first).path("idempotency_token").asText();
    assertFalse(token.isEmpty());
    assertEquals(bodyTree(first), bodyTree(second), "the retry is the same request, token included");
    assertEquals(11, handle.runId());
  }

  @Test
  void twoLaunchesGetTwoTokens() throws Exception {
    List<String> tokens = new CopyOnWriteArrayList<>();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        if (request.getTarget().equals("/api/2.2/jobs/run-now")) {
          tokens.add(bodyTree(request).path("idempotency_token").asText());
          return ok("{'run_id': 11}");
        }
        return ok("{}");
      }
    });
    sleeper.hold();

    jobs.runNow(42).resultAsync().cancel(true);
    jobs.runNow(42).resultAsync().cancel(true);

    assertEquals(2, tokens.size());
    assertFalse(tokens.get(0).equals(tokens.get(1)), tokens.toString());
  }

  @Test
  void cancellingTheResultFutureCancelsTheRun() throws Exception {
    server.enqueue(ok("{'run_id': 11}"));
    server.enqueue(ok("{}"));
    sleeper.hold();

    RunHandle handle = jobs.runNow(42);
    CompletableFuture<RunResult> result = handle.resultAsync();
    sleeper.awaitSleeps(1);
    assertTrue(result.cancel(true));

    expect(server, "POST", "/api/2.2/jobs/run-now");
    expectJsonPost(server, "/api/2.2/jobs/runs/cancel", "{'run_id': 11}");
    assertThrows(CancellationException.class, handle::await);
    assertEquals(2, server.getRequestCount(), "no poll and no output fetch after the cancel");
  }

  @Test
  void cancelAsksTheServerAndTheWaitEndsCanceled() {
    server.enqueue(ok("{'run_id': 11}"));
    server.enqueue(ok(run("RUNNING", null, "RUNNING")));
    sleeper.hold();

    RunHandle handle = jobs.runNow(42);
    handle.poll();
    server.enqueue(ok("{}"));
    handle.cancel();
    server.enqueue(ok(run("TERMINATED", "CANCELED", "TERMINATED")));
    server.enqueue(ok("{}"));
    sleeper.releaseAll();

    RunFailedException e = assertThrows(RunFailedException.class, handle::await);
    assertEquals(Optional.of(RunResultState.CANCELED), e.resultState());
    expect(server, "POST", "/api/2.2/jobs/run-now");
    expectGet(server, "/api/2.2/jobs/runs/get?run_id=11");
    expectJsonPost(server, "/api/2.2/jobs/runs/cancel", "{'run_id': 11}");
  }

  @Test
  void theRunTimeoutEndsTheWaitAndLeavesTheRunGoing() {
    jobs = JobsClient.create(db, JobsOptions.builder().runTimeout(Duration.ofSeconds(3)).build());
    server.enqueue(ok("{'run_id': 11}"));
    for (int i = 0; i < 5; i++) {
      server.enqueue(ok(run("RUNNING", null, "RUNNING")));
    }

    RunHandle handle = jobs.runNow(42);

    assertThrows(OperationTimeoutException.class, handle::await);
    assertEquals(RunLifeCycleState.RUNNING, handle.status());
    for (int i = 0; i < server.getRequestCount(); i++) {
      assertFalse(Wire.take(server).getTarget().contains("/runs/cancel"), "a timeout does not cancel the run");
    }
  }

  @Test
  void awaitWithATimeoutLeavesTheHandleUsable() {
    server.enqueue(ok("{'run_id': 11}"));
    sleeper.hold();

    RunHandle handle = jobs.runNow(42);

    assertThrows(OperationTimeoutException.class, () -> handle.await(Duration.ZERO));
    assertFalse(handle.isDone());
    handle.resultAsync().cancel(true);
  }

  /** Replies in order, except get-output, which echoes the task run id (those calls run in parallel). */
  private static final class OutputsByRunId extends Dispatcher {
    final java.util.concurrent.BlockingQueue<MockResponse> replies = new java.util.concurrent.LinkedBlockingQueue<>();

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
      if (request.getTarget().contains("/runs/get-output")) {
        String id = request.getTarget().replaceAll(".*run_id=", "");
        return ok("{'notebook_output': {'result': 'out " + id + "'}}");
      }
      MockResponse next = replies.poll(5, TimeUnit.SECONDS);
      return next != null ? next : error(500, "{'error_code': 'INTERNAL_ERROR', 'message': 'no reply queued'}");
    }
  }
}
