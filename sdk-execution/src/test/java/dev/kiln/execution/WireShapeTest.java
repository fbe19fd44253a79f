package dev.kiln.execution;

import static dev.kiln.execution.FakeWorkspace.CLUSTER;
import static dev.kiln.execution.FakeWorkspace.body;
import static dev.kiln.execution.FakeWorkspace.status;
import static dev.kiln.execution.FakeWorkspace.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.kiln.core.testing.TestClients;
import dev.kiln.execution.model.Language;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What goes over the wire for every API 1.2 endpoint and the two cluster endpoints. */
class WireShapeTest extends ExecutionTestBase {
  private static final String BEARER = "Bearer " + TestClients.TOKEN;

  @Test
  void contextCreateStatusAndDestroy() {
    ExecutionContext ctx = startWithContext("ctx-1");
    ctx.close();

    List<RecordedRequest> all = ws.requests();
    assertEquals(List.of(FakeWorkspace.CLUSTERS_GET, FakeWorkspace.CONTEXT_CREATE, FakeWorkspace.CONTEXT_STATUS,
        FakeWorkspace.CONTEXT_DESTROY), ws.paths());
    all.forEach(r -> assertEquals(BEARER, r.getHeaders().get("Authorization"), r.getTarget()));

    RecordedRequest get = all.get(0);
    assertEquals("GET", get.getMethod());
    assertEquals("/api/2.1/clusters/get?cluster_id=" + CLUSTER, get.getTarget());

    RecordedRequest create = all.get(1);
    assertEquals("POST", create.getMethod());
    assertEquals("application/json", create.getHeaders().get("Content-Type"));
    assertEquals(tree("{\"language\":\"python\",\"clusterId\":\"" + CLUSTER + "\"}"), body(create));

    RecordedRequest status = all.get(2);
    assertEquals("GET", status.getMethod());
    assertEquals(Set.of("clusterId", "contextId"), status.getUrl().queryParameterNames());
    assertEquals(CLUSTER, status.getUrl().queryParameter("clusterId"));
    assertEquals("ctx-1", status.getUrl().queryParameter("contextId"));

    RecordedRequest destroy = all.get(3);
    assertEquals("POST", destroy.getMethod());
    assertEquals("application/json", destroy.getHeaders().get("Content-Type"));
    assertEquals(tree("{\"clusterId\":\"" + CLUSTER + "\",\"contextId\":\"ctx-1\"}"), body(destroy));
  }

  @Test
  void commandExecuteStatusAndCancel() {
    ExecutionContext ctx = startWithContext("ctx-1");
    ws.command("cmd-1", status("cmd-1", "Finished", "{\"resultType\":\"text\",\"data\":\"3.5.0\"}"));

    assertEquals("3.5.0", ctx.execute("print(spark.version)").text());

    RecordedRequest execute = ws.requests(FakeWorkspace.COMMAND_EXECUTE).get(0);
    assertEquals("POST", execute.getMethod());
    assertEquals(BEARER, execute.getHeaders().get("Authorization"));
    assertEquals(tree("{\"language\":\"python\",\"clusterId\":\"" + CLUSTER
        + "\",\"contextId\":\"ctx-1\",\"command\":\"print(spark.version)\"}"), body(execute));

    RecordedRequest status = ws.requests(FakeWorkspace.COMMAND_STATUS).get(0);
    assertEquals("GET", status.getMethod());
    assertEquals(BEARER, status.getHeaders().get("Authorization"));
    assertEquals(Set.of("clusterId", "contextId", "commandId"), status.getUrl().queryParameterNames());
    assertEquals(CLUSTER, status.getUrl().queryParameter("clusterId"));
    assertEquals("ctx-1", status.getUrl().queryParameter("contextId"));
    assertEquals("cmd-1", status.getUrl().queryParameter("commandId"));
    assertNull(status.getHeaders().get("Content-Type"));

    ws.then(FakeWorkspace.COMMAND_EXECUTE, "{\"id\":\"cmd-2\"}");
    ws.always(FakeWorkspace.COMMAND_STATUS, status("cmd-2", "Running", null));
    CommandHandle handle = ctx.submit("while True: pass");
    handle.resultAsync().cancel(true);

    RecordedRequest cancel = ws.awaitRequests(FakeWorkspace.COMMAND_CANCEL, 1).get(0);
    assertEquals("POST", cancel.getMethod());
    assertEquals(BEARER, cancel.getHeaders().get("Authorization"));
    assertEquals(tree("{\"clusterId\":\"" + CLUSTER + "\",\"contextId\":\"ctx-1\",\"commandId\":\"cmd-2\"}"), body(cancel));
  }

  @ParameterizedTest
  @EnumSource(Language.class)
  void languagesAreLowercaseOnTheWire(Language language) {
    start(FakeWorkspace.runningCluster().contextStarts("ctx-" + language));
    ExecutionContext ctx = exec.createContext(CLUSTER, language);
    ws.command("cmd-1", status("cmd-1", "Finished", "{\"resultType\":\"text\",\"data\":\"\"}"));
    ctx.execute(language, "1");

    String wire = language.name().toLowerCase(Locale.ROOT);
    assertEquals(wire, body(ws.requests(FakeWorkspace.CONTEXT_CREATE).get(0)).get("language").asText());
    assertEquals(wire, body(ws.requests(FakeWorkspace.COMMAND_EXECUTE).get(0)).get("language").asText());
    assertEquals(language, Language.fromWire(wire.toUpperCase(Locale.ROOT)));
  }

  @Test
  void perCommandLanguageOverridesTheContextLanguage() {
    ExecutionContext ctx = startWithContext("ctx-1");
    ws.command("cmd-1", status("cmd-1", "Finished", "{\"resultType\":\"text\",\"data\":\"\"}"));
    ctx.execute(Language.SQL, "SELECT 1");
    assertEquals("sql", body(ws.requests(FakeWorkspace.COMMAND_EXECUTE).get(0)).get("language").asText());
    assertEquals(Language.PYTHON, ctx.language());
  }

  @Test
  void clusterStartBody() {
    start(FakeWorkspace.runningCluster().then(FakeWorkspace.CLUSTERS_START, "{}"));
    exec.clusters().startCluster(CLUSTER);
    RecordedRequest start = ws.requests(FakeWorkspace.CLUSTERS_START).get(0);
    assertEquals("POST", start.getMethod());
    assertEquals(BEARER, start.getHeaders().get("Authorization"));
    assertEquals(tree("{\"cluster_id\":\"" + CLUSTER + "\"}"), body(start));
  }

  @Test
  void commonIndentationIsRemovedBeforeSending() {
    ExecutionContext ctx = startWithContext("ctx-1");
    ws.command("cmd-1", status("cmd-1", "Finished", "{\"resultType\":\"text\",\"data\":\"\"}"));
    ctx.execute("\n    for i in range(3):\n        print(i)\n\n    print('done')\n");
    assertEquals("\nfor i in range(3):\n    print(i)\n\nprint('done')\n",
        body(ws.requests(FakeWorkspace.COMMAND_EXECUTE).get(0)).get("command").asText());
  }
}
