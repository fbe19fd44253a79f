package dev.kiln.execution;

import static dev.kiln.execution.FakeWorkspace.CLUSTER;
import static dev.kiln.execution.FakeWorkspace.CLUSTERS_GET;
import static dev.kiln.execution.FakeWorkspace.CONTEXT_CREATE;
import static dev.kiln.execution.FakeWorkspace.CONTEXT_DESTROY;
import static dev.kiln.execution.FakeWorkspace.CONTEXT_STATUS;
import static dev.kiln.execution.FakeWorkspace.cluster;
import static dev.kiln.execution.FakeWorkspace.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.error.OperationTimeoutException;
import dev.kiln.execution.model.Language;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Poll gaps, timeouts and retries come from {@link ExecutionOptions}. */
class ExecutionOptionsTest extends ExecutionTestBase {

  @Test
  void defaultClusterPollsStartAtOneSecondAndGrowToTheCap() {
    start(new FakeWorkspace()
        .then(CLUSTERS_GET, cluster("PENDING"))
        .then(CLUSTERS_GET, cluster("PENDING"))
        .then(CLUSTERS_GET, cluster("PENDING"))
        .then(CLUSTERS_GET, cluster("RUNNING")));

    exec.clusters().ensureRunning(CLUSTER);

    assertEquals(List.of(Duration.ofSeconds(1), Duration.ofMillis(1500), Duration.ofMillis(2250)), sleeper.sleeps());
    assertEquals(ExecutionOptions.defaults(), exec.options());
  }

  @Test
  void clusterPollsAndReadyTimeoutFollowTheOptions() {
    start(new FakeWorkspace().always(CLUSTERS_GET, cluster("PENDING")));
    exec = ExecutionClient.create(db, ExecutionOptions.builder()
        .clusterPollInitialDelay(Duration.ofSeconds(10))
        .clusterPollMaxDelay(Duration.ofSeconds(10))
        .clusterReadyTimeout(Duration.ofSeconds(35))
        .build());

    assertThrows(OperationTimeoutException.class, () -> exec.clusters().ensureRunning(CLUSTER));

    assertEquals(List.of(Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(5)),
        sleeper.sleeps());
  }

  @Test
  void contextAttemptsAndRetryDelayFollowTheOptions() {
    FakeWorkspace workspace = FakeWorkspace.runningCluster();
    for (int i = 1; i <= 2; i++) {
      workspace.then(CONTEXT_CREATE, "{\"id\":\"ctx-" + i + "\"}")
          .then(CONTEXT_STATUS, "{\"id\":\"ctx-" + i + "\",\"status\":\"Error\"}");
    }
    start(workspace);
    exec = ExecutionClient.create(db, ExecutionOptions.builder()
        .contextStartAttempts(2)
        .contextRetryDelay(Duration.ofMillis(300))
        .contextPollInitialDelay(Duration.ofMillis(70))
        .build());

    ContextCreationException e = assertThrows(ContextCreationException.class,
        () -> exec.createContext(CLUSTER, Language.PYTHON));

    assertEquals(2, e.attempts());
    assertEquals(2, ws.awaitRequests(CONTEXT_DESTROY, 2).size());
    assertEquals(List.of(Duration.ofMillis(70), Duration.ofMillis(300), Duration.ofMillis(70)), sleeper.sleeps());
  }

  @Test
  void commandPollsFollowTheOptions() {
    start(FakeWorkspace.runningCluster().contextStarts("ctx-1"));
    exec = ExecutionClient.create(db, ExecutionOptions.builder()
        .contextPollInitialDelay(Duration.ofMillis(1))
        .commandPollInitialDelay(Duration.ofMillis(40))
        .commandPollMaxDelay(Duration.ofMillis(50))
        .build());
    ws.command("cmd-1", status("cmd-1", "Running", null))
        .commandStatus("cmd-1", status("cmd-1", "Running", null))
        .commandStatus("cmd-1", status("cmd-1", "Finished", "{\"resultType\":\"text\",\"data\":\"done\"}"));

    try (ExecutionContext ctx = exec.createContext(CLUSTER, Language.PYTHON)) {
      assertEquals("done", ctx.execute("print('done')").text());
    }

    assertEquals(List.of(Duration.ofMillis(1), Duration.ofMillis(40), Duration.ofMillis(46), Duration.ofMillis(50)),
        sleeper.sleeps());
  }

  @Test
  void builderRejectsNonsenseAndCopiesFaithfully() {
    assertThrows(IllegalArgumentException.class, () -> ExecutionOptions.builder()
        .clusterPollInitialDelay(Duration.ofMinutes(1)).build());
    assertThrows(IllegalArgumentException.class, () -> ExecutionOptions.builder().contextStartAttempts(0));
    assertThrows(IllegalArgumentException.class, () -> ExecutionOptions.builder().contextStartAttempts(11));
    assertThrows(IllegalArgumentException.class, () -> ExecutionOptions.builder().commandPollMaxDelay(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> ExecutionOptions.builder().contextRetryDelay(Duration.ofSeconds(-1)));
    IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
        () -> ExecutionOptions.builder().clusterReadyTimeout(null));
    assertEquals("clusterReadyTimeout must not be null", none.getMessage());
    IllegalArgumentException slow = assertThrows(IllegalArgumentException.class,
        () -> ExecutionOptions.builder().commandPollMultiplier(0.5));
    assertTrue(slow.getMessage().contains("commandPollMultiplier"), slow.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ExecutionOptions.builder().contextPollMultiplier(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> ExecutionOptions.builder().clusterPollMultiplier(5));

    ExecutionOptions custom = ExecutionOptions.builder().contextStartAttempts(5).commandPollMultiplier(2).build();
    ExecutionOptions copy = custom.toBuilder().build();
    assertEquals(custom.toString(), copy.toString());
    assertEquals(5, copy.contextStartAttempts());
    assertEquals(2.0, copy.commandPollMultiplier());
    assertEquals(Duration.ofMillis(500), ExecutionOptions.defaults().commandPollInitialDelay());
    assertEquals(1.15, ExecutionOptions.defaults().commandPollMultiplier());
    assertTrue(ExecutionOptions.defaults().clusterPollMaxDelay().compareTo(Duration.ofSeconds(10)) <= 0, "cap at most 10 s");
    assertEquals(ClustersClient.DEFAULT_READY_TIMEOUT, ExecutionOptions.defaults().clusterReadyTimeout());
    assertTrue(ExecutionOptions.defaults().toString().contains("clusterPollInitialDelay=PT1S"));
  }
}
