package dev.kiln.emulator.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksError;
import com.databricks.sdk.core.error.platform.InvalidState;
import com.databricks.sdk.core.error.platform.ResourceDoesNotExist;
import com.databricks.sdk.service.compute.CancelCommand;
import com.databricks.sdk.service.compute.ClusterDetails;
import com.databricks.sdk.service.compute.Command;
import com.databricks.sdk.service.compute.CommandStatus;
import com.databricks.sdk.service.compute.CommandStatusResponse;
import com.databricks.sdk.service.compute.ContextStatus;
import com.databricks.sdk.service.compute.ContextStatusResponse;
import com.databricks.sdk.service.compute.CreateContext;
import com.databricks.sdk.service.compute.Created;
import com.databricks.sdk.service.compute.DataSecurityMode;
import com.databricks.sdk.service.compute.DestroyContext;
import com.databricks.sdk.service.compute.Language;
import com.databricks.sdk.service.compute.ListClustersRequest;
import com.databricks.sdk.service.compute.ResultType;
import com.databricks.sdk.service.compute.Results;
import com.databricks.sdk.service.compute.State;
import com.databricks.sdk.support.Wait;
import dev.kiln.emulator.ClusterState;
import dev.kiln.emulator.LocalWorkspace;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Clusters (API 2.1) and execution contexts / commands (API 1.2) through {@code ClustersAPI} and {@code CommandExecutionAPI}. */
class ClustersAndCommandsFidelityTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  static LocalWorkspace ws;
  static WorkspaceClient w;

  @BeforeAll
  static void start() {
    ws = LocalWorkspace.builder().clusterStartTime(Duration.ofMillis(50)).start();
    w = OfficialSdk.client(ws);
  }

  @AfterAll
  static void stop() {
    ws.close();
  }

  @Test
  void theDefaultClusterIsRunning() {
    ClusterDetails cluster = w.clusters().get(ws.defaultClusterId());

    assertEquals(ws.defaultClusterId(), cluster.getClusterId());
    assertEquals(State.RUNNING, cluster.getState());
    assertNotNull(cluster.getClusterName());
    assertNotNull(cluster.getSparkVersion());
    assertEquals(DataSecurityMode.SINGLE_USER, cluster.getDataSecurityMode());
    assertTrue(cluster.getStartTime() > 0);

    List<String> ids = new ArrayList<>();
    w.clusters().list(new ListClustersRequest()).forEach(c -> ids.add(c.getClusterId()));
    assertTrue(ids.contains(ws.defaultClusterId()), ids.toString());

    // Databricks answers 400 INVALID_PARAMETER_VALUE "Cluster ... does not exist"; the SDK's error override turns
    // exactly that (path, status, code and message pattern) into ResourceDoesNotExist.
    assertThrows(ResourceDoesNotExist.class, () -> w.clusters().get("0000-000000-nosuchcl"));
  }

  @Test
  void aTerminatedClusterStartsAndTheWaiterSeesItRunning() throws Exception {
    ws.addCluster("0101-000000-stopped1", "etl", ClusterState.TERMINATED);
    ClusterDetails stopped = w.clusters().get("0101-000000-stopped1");
    assertEquals(State.TERMINATED, stopped.getState());
    assertNotNull(stopped.getTerminationReason());
    assertNotNull(stopped.getTerminationReason().getCode(), "a termination code the SDK's enum knows");

    ClusterDetails running = w.clusters().start("0101-000000-stopped1").get(WAIT);

    assertEquals(State.RUNNING, running.getState());
    assertEquals("etl", running.getClusterName());
  }

  @Test
  void startingARunningClusterIsAnInvalidStateAndDeleteTerminates() throws Exception {
    ws.addCluster("0101-000000-running1", "adhoc", ClusterState.RUNNING);
    InvalidState running = assertThrows(InvalidState.class, () -> w.clusters().start("0101-000000-running1"));
    assertEquals(400, running.getStatusCode());

    ClusterDetails terminated = w.clusters().delete("0101-000000-running1").get(WAIT);
    assertEquals(State.TERMINATED, terminated.getState());

    assertNotNull(terminated.getTerminatedTime());
  }

  @Test
  void api12ErrorsAreReadByTheSdk() {
    ws.addBrokenCluster("0101-000000-broken01", "broken", "Init script failure: exit code 1");
    ClusterDetails broken = w.clusters().get("0101-000000-broken01");
    assertEquals(State.ERROR, broken.getState());
    assertEquals("Init script failure: exit code 1", broken.getStateMessage());

    // API 1.2 answers {"error": "..."} without error_code; the SDK still surfaces the message.
    DatabricksError refused = assertThrows(DatabricksError.class, () -> w.commandExecution()
        .create(new CreateContext().setClusterId("0101-000000-broken01").setLanguage(Language.SQL)));
    assertEquals(400, refused.getStatusCode());
    assertTrue(refused.getMessage().contains("Init script failure"), refused.getMessage());

    DatabricksError unknownContext = assertThrows(DatabricksError.class,
        () -> w.commandExecution().contextStatus(ws.defaultClusterId(), "1234567890"));
    assertTrue(unknownContext.getStatusCode() >= 400 && unknownContext.getStatusCode() < 500);
  }

  @Test
  void sqlCommandsRunInAContextAndAnswerTables() throws Exception {
    String clusterId = ws.defaultClusterId();
    Wait<ContextStatusResponse, Created> creating =
        w.commandExecution().create(new CreateContext().setClusterId(clusterId).setLanguage(Language.SQL));
    String contextId = creating.getResponse().getId();
    assertNotNull(contextId);
    try {
      ContextStatusResponse context = creating.get(WAIT);
      assertEquals(ContextStatus.RUNNING, context.getStatus());
      assertEquals(contextId, context.getId());

      CommandStatusResponse done = w.commandExecution()
          .execute(new Command().setClusterId(clusterId).setContextId(contextId).setLanguage(Language.SQL)
              .setCommand("SELECT 1 AS n, 'a' AS s, CAST(2.5 AS DOUBLE) AS d, NULL AS z"))
          .get(WAIT);

      assertEquals(CommandStatus.FINISHED, done.getStatus());
      assertNotNull(done.getId());
      Results results = done.getResults();
      assertEquals(ResultType.TABLE, results.getResultType());
      assertEquals(List.of(Arrays.asList(1, "a", 2.5, null)), results.getData());
      List<Map<String, Object>> schema = new ArrayList<>(results.getSchema());
      assertEquals(List.of("n", "s", "d", "z"), schema.stream().map(f -> f.get("name")).collect(Collectors.toList()));
      assertEquals("\"integer\"", schema.get(0).get("type"));
      assertEquals("\"string\"", schema.get(1).get("type"));
      assertFalse(results.getTruncated());
      assertTrue(results.getIsJsonSchema());

      CommandStatusResponse failed = run(clusterId, contextId, Language.SQL, "SELECT * FROM no_such_table");
      assertTrue(failed.getStatus() == CommandStatus.FINISHED || failed.getStatus() == CommandStatus.ERROR,
          String.valueOf(failed.getStatus()));
      assertEquals(ResultType.ERROR, failed.getResults().getResultType());
      assertNotNull(failed.getResults().getSummary());
      assertNotNull(failed.getResults().getCause());
    } finally {
      w.commandExecution().destroy(new DestroyContext().setClusterId(clusterId).setContextId(contextId));
    }
    assertThrows(DatabricksError.class, () -> w.commandExecution().contextStatus(clusterId, contextId),
        "a destroyed context is gone");
  }

  @Test
  void aRunningCommandIsCancelled() throws Exception {
    String clusterId = ws.defaultClusterId();
    String contextId = w.commandExecution()
        .create(new CreateContext().setClusterId(clusterId).setLanguage(Language.SQL)).get(WAIT).getId();
    try {
      String commandId = w.commandExecution()
          .execute(new Command().setClusterId(clusterId).setContextId(contextId).setLanguage(Language.SQL)
              .setCommand("SELECT sum(a.id * b.id) FROM range(100000) a, range(100000) b"))
          .getResponse().getId();

      CommandStatusResponse cancelled = w.commandExecution()
          .cancel(new CancelCommand().setClusterId(clusterId).setContextId(contextId).setCommandId(commandId))
          .get(WAIT);

      assertEquals(CommandStatus.CANCELLED, cancelled.getStatus());
    } finally {
      w.commandExecution().destroy(new DestroyContext().setClusterId(clusterId).setContextId(contextId));
    }
  }

  @Test
  void scalaCommandsAnswerAnErrorResultSayingTheEmulatorCannotRunThem() throws Exception {
    String clusterId = ws.defaultClusterId();
    String contextId = w.commandExecution()
        .create(new CreateContext().setClusterId(clusterId).setLanguage(Language.SCALA)).get(WAIT).getId();
    try {
      CommandStatusResponse done = run(clusterId, contextId, Language.SCALA, "println(1)");
      assertEquals(ResultType.ERROR, done.getResults().getResultType());
      assertTrue(done.getResults().getSummary().toLowerCase().contains("scala"), done.getResults().getSummary());
    } finally {
      w.commandExecution().destroy(new DestroyContext().setClusterId(clusterId).setContextId(contextId));
    }
  }

  @Test
  void pythonCommandsAnswerTextAndErrors() throws Exception {
    Assumptions.assumeTrue(pythonOnPath(), "python3 is not on the PATH");
    String clusterId = ws.defaultClusterId();
    String contextId = w.commandExecution()
        .create(new CreateContext().setClusterId(clusterId).setLanguage(Language.PYTHON)).get(WAIT).getId();
    try {
      CommandStatusResponse printed = run(clusterId, contextId, Language.PYTHON, "x = 20\nprint(x + 22)");
      assertEquals(CommandStatus.FINISHED, printed.getStatus());
      assertEquals(ResultType.TEXT, printed.getResults().getResultType());
      assertEquals("42", String.valueOf(printed.getResults().getData()).trim());

      CommandStatusResponse state = run(clusterId, contextId, Language.PYTHON, "print(x)");
      assertEquals("20", String.valueOf(state.getResults().getData()).trim(), "a context keeps its variables");

      CommandStatusResponse raised = run(clusterId, contextId, Language.PYTHON, "1 / 0");
      assertEquals(ResultType.ERROR, raised.getResults().getResultType());
      assertTrue(raised.getResults().getSummary().contains("ZeroDivisionError"), raised.getResults().getSummary());
      assertTrue(raised.getResults().getCause().contains("ZeroDivisionError"), raised.getResults().getCause());
    } finally {
      w.commandExecution().destroy(new DestroyContext().setClusterId(clusterId).setContextId(contextId));
    }
  }

  /**
   * Executes a command, waits on the workspace (no polling) until it is done, then reads {@code commandStatus}
   * (the SDK's own waiter, used in {@link #sqlCommandsRunInAContextAndAnswerTables}, sleeps a second or more
   * between polls).
   */
  private static CommandStatusResponse run(String clusterId, String contextId, Language language, String command) {
    String commandId = w.commandExecution()
        .execute(new Command().setClusterId(clusterId).setContextId(contextId).setLanguage(language).setCommand(command))
        .getResponse().getId();
    ws.awaitCommand(commandId, WAIT);
    CommandStatusResponse status = w.commandExecution().commandStatus(clusterId, contextId, commandId);
    assertNotNull(status.getStatus(), "a status the SDK's CommandStatus knows");
    assertEquals(commandId, status.getId());
    assertTrue(status.getStatus() == CommandStatus.FINISHED || status.getStatus() == CommandStatus.ERROR
        || status.getStatus() == CommandStatus.CANCELLED, String.valueOf(status.getStatus()));
    return status;
  }

  private static boolean pythonOnPath() {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Paths.get(dir, "python3"))) {
        return true;
      }
    }
    return false;
  }
}
