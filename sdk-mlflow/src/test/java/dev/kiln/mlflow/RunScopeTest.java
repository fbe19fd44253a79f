package dev.kiln.mlflow;

import static dev.kiln.core.testing.Wire.error;
import static dev.kiln.core.testing.Wire.expectJsonPost;
import static dev.kiln.core.testing.Wire.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.error.TemporarilyUnavailableException;
import dev.kiln.mlflow.model.CreateRunRequest;
import dev.kiln.mlflow.model.RunStatus;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** RunScope ends its run FINISHED on success and FAILED when the work fails. */
class RunScopeTest extends MlflowTestBase {
  private static final CreateRunRequest RUN = CreateRunRequest.of("7");
  private static final String CREATE = "{'experiment_id': '7', 'start_time': " + NOW + ", 'tags': []}";

  private void expectEnd(String status, long endTime) {
    expectJsonPost(server, "/api/2.0/mlflow/runs/update",
        "{'run_id': 'r1', 'status': '" + status + "', 'end_time': " + endTime + "}");
  }

  @Test
  void closingTheScopeEndsTheRunFinishedAtTheClientsTime() {
    server.enqueue(ok(runJson("r1", "RUNNING")));
    server.enqueue(ok("{}"));
    server.enqueue(ok(runInfoJson("r1", "FINISHED")));

    try (RunScope run = mlflow.startRun(RUN)) {
      assertEquals("r1", run.runId());
      run.logParam("alpha", "0.5");
      sleeper.clock().advance(Duration.ofSeconds(90));
    }

    expectJsonPost(server, "/api/2.0/mlflow/runs/create", CREATE);
    expectJsonPost(server, "/api/2.0/mlflow/runs/log-parameter", "{'run_id': 'r1', 'key': 'alpha', 'value': '0.5'}");
    expectEnd("FINISHED", NOW + 90_000);
  }

  @Test
  void failBeforeLeavingTheBlockEndsTheRunFailed() {
    server.enqueue(ok(runJson("r1", "RUNNING")));
    server.enqueue(ok(runInfoJson("r1", "FAILED")));

    assertThrows(IllegalStateException.class, () -> {
      try (RunScope run = mlflow.startRun(RUN)) {
        run.fail();
        throw new IllegalStateException("training diverged");
      }
    });

    expectJsonPost(server, "/api/2.0/mlflow/runs/create", CREATE);
    expectEnd("FAILED", NOW);
  }

  @Test
  void endingExplicitlyWinsAndCloseSendsNothingMore() {
    server.enqueue(ok(runJson("r1", "RUNNING")));
    server.enqueue(ok(runInfoJson("r1", "KILLED")));

    try (RunScope run = mlflow.startRun(RUN)) {
      assertEquals(RunStatus.KILLED, run.end(RunStatus.KILLED).status());
      assertTrue(run.isEnded());
    }

    assertEquals(2, server.getRequestCount());
    expectJsonPost(server, "/api/2.0/mlflow/runs/create", CREATE);
    expectEnd("KILLED", NOW);
  }

  @Test
  void withRunEndsFinishedAndReturnsTheBodysResult() {
    server.enqueue(ok(runJson("r1", "RUNNING")));
    server.enqueue(ok("{}"));
    server.enqueue(ok(runInfoJson("r1", "FINISHED")));

    double rmse = mlflow.withRun(RUN, run -> {
      run.logMetric("rmse", 0.25, 3);
      return 0.25;
    });

    assertEquals(0.25, rmse);
    expectJsonPost(server, "/api/2.0/mlflow/runs/create", CREATE);
    expectJsonPost(server, "/api/2.0/mlflow/runs/log-metric",
        "{'run_id': 'r1', 'key': 'rmse', 'value': 0.25, 'timestamp': " + NOW + ", 'step': 3}");
    expectEnd("FINISHED", NOW);
  }

  @Test
  void withRunEndsFailedWhenTheBodyThrowsAndRethrowsTheSameException() {
    server.enqueue(ok(runJson("r1", "RUNNING")));
    server.enqueue(ok(runInfoJson("r1", "FAILED")));
    IOException boom = new IOException("data file missing");

    IOException thrown = assertThrows(IOException.class, () -> mlflow.withRun(RUN, run -> {
      throw boom;
    }));

    assertSame(boom, thrown);
    expectJsonPost(server, "/api/2.0/mlflow/runs/create", CREATE);
    expectEnd("FAILED", NOW);
  }

  @Test
  void aFailureToEndTheRunIsSuppressedInTheBodysException() {
    server.enqueue(ok(runJson("r1", "RUNNING")));
    RuntimeException boom = new IllegalArgumentException("bad input data");
    for (int i = 0; i < 10; i++) {
      server.enqueue(error(503, "{'error_code': 'TEMPORARILY_UNAVAILABLE', 'message': 'down'}"));
    }

    RuntimeException thrown = assertThrows(RuntimeException.class, () -> mlflow.withRun(RUN, run -> {
      throw boom;
    }));

    assertSame(boom, thrown);
    assertEquals(1, thrown.getSuppressed().length);
    assertTrue(thrown.getSuppressed()[0] instanceof TemporarilyUnavailableException, thrown.getSuppressed()[0].toString());
  }

  @Test
  void withRunAsyncRunsTheBodyOffTheCallerAndEndsTheRun() throws Exception {
    server.enqueue(ok(runJson("r1", "RUNNING")));
    server.enqueue(ok(runInfoJson("r1", "FINISHED")));
    server.enqueue(ok(runJson("r2", "RUNNING").replace("r2", "r1")));
    server.enqueue(ok(runInfoJson("r1", "FAILED")));
    Thread caller = Thread.currentThread();

    assertEquals("r1", mlflow.withRunAsync(RUN, run -> {
      assertTrue(Thread.currentThread() != caller);
      return run.runId();
    }).get(10, TimeUnit.SECONDS));
    ExecutionException failed = assertThrows(ExecutionException.class, () -> mlflow.withRunAsync(RUN, run -> {
      throw new IOException("no data");
    }).get(10, TimeUnit.SECONDS));

    assertTrue(failed.getCause() instanceof IOException, failed.getCause().toString());
    expectJsonPost(server, "/api/2.0/mlflow/runs/create", CREATE);
    expectEnd("FINISHED", NOW);
    expectJsonPost(server, "/api/2.0/mlflow/runs/create", CREATE);
    expectEnd("FAILED", NOW);
  }
}
