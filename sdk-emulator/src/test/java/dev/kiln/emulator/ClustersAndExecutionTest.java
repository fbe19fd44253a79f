package dev.kiln.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.testing.MutableClock;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Clusters (2.1) and command execution (1.2) on the wire. */
class ClustersAndExecutionTest {
  static final Duration CLUSTER_START = Duration.ofMinutes(3);
  // Cluster transitions follow the workspace clock: tests advance it instead of waiting.
  static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-01-31T10:00:00Z"));
  static LocalWorkspace ws;
  static Wire wire;

  @BeforeAll
  static void start() {
    ws = LocalWorkspace.builder().clock(CLOCK).clusterStartTime(CLUSTER_START).start();
    wire = new Wire(ws);
  }

  @AfterAll
  static void stop() {
    ws.close();
  }

  // ---- clusters

  @Test
  void aTerminatedClusterStartsThroughPendingToRunning() {
    ws.addCluster("0101-000000-stopped1", "etl", ClusterState.TERMINATED);
    assertEquals("TERMINATED", cluster("0101-000000-stopped1").path("state").asText());

    assertEquals(200, wire.post("/api/2.1/clusters/start", Wire.object().put("cluster_id", "0101-000000-stopped1")).status);
    assertEquals("PENDING", cluster("0101-000000-stopped1").path("state").asText());
    CLOCK.advance(CLUSTER_START.minusSeconds(1));
    assertEquals("PENDING", cluster("0101-000000-stopped1").path("state").asText());
    CLOCK.advance(Duration.ofSeconds(1));
    JsonNode running = cluster("0101-000000-stopped1");
    assertEquals("RUNNING", running.path("state").asText());
    assertEquals("etl", running.path("cluster_name").asText());

    Wire.Reply again = wire.post("/api/2.1/clusters/start", Wire.object().put("cluster_id", "0101-000000-stopped1"));
    assertEquals(400, again.status);
    assertEquals("INVALID_STATE", again.json().path("error_code").asText());
  }

  @Test
  void theDefaultClusterRunsAndUnknownClustersAreInvalidParameters() {
    assertEquals("RUNNING", cluster(ws.defaultClusterId()).path("state").asText());
    assertTrue(ws.defaultClusterId().matches("\\d{4}-\\d{6}-[0-9a-f]{8}"), ws.defaultClusterId());
    Wire.Reply unknown = wire.get("/api/2.1/clusters/get?cluster_id=nope");
    assertEquals(400, unknown.status);
    assertEquals("INVALID_PARAMETER_VALUE", unknown.json().path("error_code").asText());
    JsonNode list = wire.get("/api/2.1/clusters/list").json();
    assertTrue(list.path("clusters").size() >= 1);
  }

  @Test
  void clustersAreListedInPages() {
    ws.addCluster("0101-000000-paged001", "paged", ClusterState.RUNNING);
    JsonNode first = wire.get("/api/2.1/clusters/list?page_size=1").json();
    assertEquals(1, first.path("clusters").size());
    String token = first.path("next_page_token").asText();
    assertFalse(token.isEmpty(), first.toString());
    JsonNode second = wire.get("/api/2.1/clusters/list?page_size=1&page_token=" + token).json();
    assertEquals(1, second.path("clusters").size());
    assertFalse(first.at("/clusters/0/cluster_id").asText().equals(second.at("/clusters/0/cluster_id").asText()));
    assertEquals(400, wire.get("/api/2.1/clusters/list?page_token=garbage").status);
  }

  @Test
  void aBrokenClusterReportsItsMessageAndTakesNoContexts() {
    ws.addBrokenCluster("0101-000000-broken01", "broken", "Init script failure: exit code 1");
    JsonNode broken = cluster("0101-000000-broken01");
    assertEquals("ERROR", broken.path("state").asText());
    assertEquals("Init script failure: exit code 1", broken.path("state_message").asText());

    Wire.Reply create = wire.post("/api/1.2/contexts/create",
        Wire.object().put("language", "sql").put("clusterId", "0101-000000-broken01"));
    assertEquals(400, create.status);
    assertTrue(create.json().path("error").asText().contains("Init script failure"), create.body);
    assertFalse(create.json().has("error_code"), "API 1.2 errors are {\"error\": ...}");
  }

  @Test
  void terminatingAClusterDestroysItsContexts() {
    ws.addCluster("0101-000000-doomed01", "doomed", ClusterState.RUNNING);
    String context = createContext("0101-000000-doomed01", "sql");
    wire.post("/api/2.1/clusters/delete", Wire.object().put("cluster_id", "0101-000000-doomed01"));
    assertEquals(404, wire.get(contextStatusPath("0101-000000-doomed01", context)).status);
    assertEquals("TERMINATING", cluster("0101-000000-doomed01").path("state").asText());
    CLOCK.advance(CLUSTER_START);
    assertEquals("TERMINATED", cluster("0101-000000-doomed01").path("state").asText());
  }

  // ---- commands

  @Test
  void sqlCommandsAnswerTables() {
    String context = createContext(ws.defaultClusterId(), "sql");
    JsonNode done = run(context, "sql", "SELECT 1 AS n, 'a' AS s, 2.5::DOUBLE AS d, NULL AS z");
    assertEquals("Finished", done.path("status").asText());
    JsonNode results = done.path("results");
    assertEquals("table", results.path("resultType").asText());
    assertEquals(Wire.JSON.createArrayNode().add(Wire.JSON.createArrayNode().add(1).add("a").add(2.5).addNull()),
        results.path("data"));
    assertEquals("n", results.at("/schema/0/name").asText());
    assertEquals("\"integer\"", results.at("/schema/0/type").asText());
    assertEquals("\"string\"", results.at("/schema/1/type").asText());
    assertEquals("\"double\"", results.at("/schema/2/type").asText());
    assertTrue(results.at("/schema/0/metadata").isObject());
    assertFalse(results.path("truncated").asBoolean());
    assertTrue(results.path("isJsonSchema").asBoolean());

    JsonNode failed = run(context, "sql", "SELECT * FROM no_such_table");
    assertEquals("Finished", failed.path("status").asText());
    assertEquals("error", failed.at("/results/resultType").asText());
    assertTrue(failed.at("/results/summary").asText().contains("TABLE_OR_VIEW_NOT_FOUND"), failed.toString());
  }

  @Test
  void scalaAndRAreAnsweredWithAnErrorResult() {
    String context = createContext(ws.defaultClusterId(), "scala");
    assertEquals("Running", awaitContext(context).path("status").asText());
    JsonNode done = run(context, "scala", "println(1)");
    assertEquals("Finished", done.path("status").asText());
    assertEquals("error", done.at("/results/resultType").asText());
    assertTrue(done.at("/results/summary").asText().contains("cannot run scala"), done.toString());
    assertTrue(run(context, "r", "1").at("/results/summary").asText().contains("cannot run r"));
  }

  @Test
  void pythonCommandsKeepStateAndPrintText() {
    assumePython();
    String context = createContext(ws.defaultClusterId(), "python");
    assertEquals("text", run(context, "python", "x = 41\nprint('hello')").at("/results/resultType").asText());
    assertEquals("hello", run(context, "python", "print('hello')").at("/results/data").asText());
    JsonNode value = run(context, "python", "x + 1");
    assertEquals("Finished", value.path("status").asText());
    assertEquals("42", value.at("/results/data").asText());
  }

  @Test
  void aPythonExceptionFinishesWithAnErrorResult() {
    assumePython();
    String context = createContext(ws.defaultClusterId(), "python");
    JsonNode done = run(context, "python", "def f():\n    return undefined_name\nf()");
    assertEquals("Finished", done.path("status").asText());
    JsonNode results = done.path("results");
    assertEquals("error", results.path("resultType").asText());
    assertEquals("<span class='ansi-red-fg'>NameError</span>: name &#x27;undefined_name&#x27; is not defined",
        results.path("summary").asText());
    String cause = results.path("cause").asText();
    assertTrue(cause.contains("\u001b[0;31mNameError\u001b[0m"), cause);
    assertTrue(cause.contains("<command-1>"), cause);
    assertTrue(cause.contains("return undefined_name"), cause);
    // the context survives its exceptions
    assertEquals("2", run(context, "python", "1 + 1").at("/results/data").asText());
  }

  @Test
  void cancelStopsARunningPythonCommand() {
    assumePython();
    String context = createContext(ws.defaultClusterId(), "python");
    String command = execute(context, "python", "import time\ntime.sleep(30)");
    assertEquals("Running", ws.awaitCommandStarted(command, Wire.WAIT));
    assertEquals("Running", commandStatus(context, command).path("status").asText());

    Wire.Reply cancel = wire.post("/api/1.2/commands/cancel", Wire.object().put("clusterId", ws.defaultClusterId())
        .put("contextId", context).put("commandId", command));
    assertEquals(200, cancel.status, cancel.body);
    assertEquals("Cancelled", ws.awaitCommand(command, Wire.WAIT));
    JsonNode cancelled = commandStatus(context, command);
    assertEquals("Cancelled", cancelled.path("status").asText());
    assertTrue(cancelled.path("results").isNull());
    // the next command gets a fresh interpreter
    assertEquals("ok", run(context, "python", "print('ok')").at("/results/data").asText());
  }

  @Test
  void destroyRemovesTheContextAndKillsItsPython() {
    assumePython();
    String context = createContext(ws.defaultClusterId(), "python");
    run(context, "python", "1");
    assertFalse(pythonChildren().isEmpty());
    Wire.Reply destroy = wire.post("/api/1.2/contexts/destroy",
        Wire.object().put("clusterId", ws.defaultClusterId()).put("contextId", context));
    assertEquals(200, destroy.status, destroy.body);
    assertEquals(context, destroy.json().path("id").asText());
    Wire.Reply status = wire.get(contextStatusPath(ws.defaultClusterId(), context));
    assertEquals(404, status.status);
    assertTrue(status.json().has("error"));
  }

  @Test
  void contextsAreLimitedPerClusterAndNeedARunningCluster() {
    try (LocalWorkspace small = LocalWorkspace.builder().contextsPerCluster(2).start()) {
      Wire smallWire = new Wire(small);
      JsonNode create = Wire.object().put("language", "sql").put("clusterId", small.defaultClusterId());
      String first = smallWire.post("/api/1.2/contexts/create", create).json().path("id").asText();
      assertEquals(200, smallWire.post("/api/1.2/contexts/create", create).status);
      Wire.Reply third = smallWire.post("/api/1.2/contexts/create", create);
      assertEquals(400, third.status);
      assertTrue(third.json().path("error").asText().contains("Too many execution contexts"), third.body);

      smallWire.post("/api/1.2/contexts/destroy",
          Wire.object().put("clusterId", small.defaultClusterId()).put("contextId", first));
      assertEquals(200, smallWire.post("/api/1.2/contexts/create", create).status);

      small.addCluster("0101-000000-stopped2", "stopped", ClusterState.TERMINATED);
      Wire.Reply stopped = smallWire.post("/api/1.2/contexts/create",
          Wire.object().put("language", "sql").put("clusterId", "0101-000000-stopped2"));
      assertEquals(400, stopped.status);
      assertTrue(stopped.json().path("error").asText().contains("TERMINATED"), stopped.body);
    }
  }

  @Test
  void withoutPythonCommandsSaySo() {
    try (LocalWorkspace noPython = LocalWorkspace.builder().withoutPython().start()) {
      Wire other = new Wire(noPython);
      String context = other.post("/api/1.2/contexts/create",
          Wire.object().put("language", "python").put("clusterId", noPython.defaultClusterId())).json().path("id").asText();
      String command = other.post("/api/1.2/commands/execute", Wire.object().put("language", "python")
          .put("clusterId", noPython.defaultClusterId()).put("contextId", context).put("command", "1")).json()
          .path("id").asText();
      String path = "/api/1.2/commands/status?clusterId=" + noPython.defaultClusterId() + "&contextId=" + context
          + "&commandId=" + command;
      noPython.awaitCommand(command, Wire.WAIT);
      JsonNode done = other.get(path).json();
      assertEquals("Finished", done.path("status").asText());
      assertTrue(done.at("/results/summary").asText().contains("No python3 was found"), done.toString());
    }
  }

  @Test
  void aCommandOverTheTimeoutEndsInError() {
    assumePython();
    try (LocalWorkspace quick = LocalWorkspace.builder().commandTimeout(Duration.ofMillis(300)).start()) {
      Wire other = new Wire(quick);
      String cluster = quick.defaultClusterId();
      String context = other.post("/api/1.2/contexts/create",
          Wire.object().put("language", "python").put("clusterId", cluster)).json().path("id").asText();
      String command = other.post("/api/1.2/commands/execute", Wire.object().put("language", "python")
          .put("clusterId", cluster).put("contextId", context).put("command", "import time\ntime.sleep(30)")).json()
          .path("id").asText();
      String path = "/api/1.2/commands/status?clusterId=" + cluster + "&contextId=" + context + "&commandId=" + command;
      quick.awaitCommand(command, Wire.WAIT);
      JsonNode done = other.get(path).json();
      assertEquals("Error", done.path("status").asText());
      assertTrue(done.at("/results/summary").asText().contains("timeout"), done.toString());
    }
  }

  @Test
  void closingTheWorkspaceKillsEveryPythonProcess() {
    assumePython();
    List<ProcessHandle> before = pythonChildren();
    List<Thread> threadsBefore = commandThreads();
    List<ProcessHandle> started;
    try (LocalWorkspace other = LocalWorkspace.start()) {
      Wire otherWire = new Wire(other);
      String context = otherWire.post("/api/1.2/contexts/create",
          Wire.object().put("language", "python").put("clusterId", other.defaultClusterId())).json().path("id").asText();
      assertEquals("Running", other.awaitContext(context, Wire.WAIT));
      assertEquals("Running",
          otherWire.get(contextStatusPath(other.defaultClusterId(), context)).json().path("status").asText());
      started = pythonChildren();
      started.removeAll(before);
      assertEquals(1, started.size(), "one python per python context");
    }
    assertTrue(started.stream().noneMatch(ProcessHandle::isAlive), "close() kills the python processes");
    List<Thread> leftover = commandThreads();
    leftover.removeAll(threadsBefore);
    assertEquals(List.of(), leftover, "close() stops the command threads it started");
  }

  private static List<Thread> commandThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
        .filter(thread -> thread.getName().startsWith("kiln-workspace-commands")).collect(Collectors.toList());
  }

  // ---- helpers

  private static JsonNode cluster(String id) {
    Wire.Reply reply = wire.get("/api/2.1/clusters/get?cluster_id=" + id);
    assertEquals(200, reply.status, reply.body);
    return reply.json();
  }

  private static String createContext(String clusterId, String language) {
    Wire.Reply reply = wire.post("/api/1.2/contexts/create",
        Wire.object().put("language", language).put("clusterId", clusterId));
    assertEquals(200, reply.status, reply.body);
    return reply.json().path("id").asText();
  }

  private static String contextStatusPath(String clusterId, String contextId) {
    return "/api/1.2/contexts/status?clusterId=" + clusterId + "&contextId=" + contextId;
  }

  /** Waits on the workspace until the context has started, then GETs its status. */
  private static JsonNode awaitContext(String context) {
    ws.awaitContext(context, Wire.WAIT);
    return wire.get(contextStatusPath(ws.defaultClusterId(), context)).json();
  }

  private static String execute(String context, String language, String code) {
    Wire.Reply reply = wire.post("/api/1.2/commands/execute", Wire.object().put("language", language)
        .put("clusterId", ws.defaultClusterId()).put("contextId", context).put("command", code));
    assertEquals(200, reply.status, reply.body);
    return reply.json().path("id").asText();
  }

  private static JsonNode commandStatus(String context, String command) {
    Wire.Reply reply = wire.get("/api/1.2/commands/status?clusterId=" + ws.defaultClusterId() + "&contextId="
        + context + "&commandId=" + command);
    assertEquals(200, reply.status, reply.body);
    return reply.json();
  }

  /** Executes, waits on the workspace for a terminal status, then GETs the command's status. */
  private static JsonNode run(String context, String language, String code) {
    String command = execute(context, language, code);
    ws.awaitCommand(command, Wire.WAIT);
    return commandStatus(context, command);
  }

  private static List<ProcessHandle> pythonChildren() {
    return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
        .filter(p -> p.info().command().map(c -> c.contains("python")).orElse(false))
        .collect(Collectors.toList());
  }

  static void assumePython() {
    String path = System.getenv("PATH");
    boolean found = path != null && java.util.Arrays.stream(path.split(File.pathSeparator))
        .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Paths.get(dir, "python3")));
    Assumptions.assumeTrue(found, "no python3 on the PATH");
  }
}
