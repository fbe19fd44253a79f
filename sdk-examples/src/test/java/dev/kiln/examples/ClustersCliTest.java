package dev.kiln.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.emulator.ClusterState;
import dev.kiln.emulator.LocalWorkspace;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kiln clusters ...} against the emulator. */
class ClustersCliTest {
  @TempDir
  static Path home;

  static LocalWorkspace ws;
  static Cli kiln;

  @BeforeAll
  static void start() {
    ws = LocalWorkspace.start();
    ws.addCluster("0401-000000-stopped1", "nightly", ClusterState.TERMINATED);
    kiln = Cli.against(ws, home);
  }

  @AfterAll
  static void stop() {
    ws.close();
  }

  @Test
  void listPrintsEveryClusterAndFiltersByState() {
    Cli.Result all = kiln.run("clusters", "list");
    assertEquals(0, all.exitCode, all::toString);
    assertTrue(all.out.contains(ws.defaultClusterId()) && all.out.contains("nightly"), all.out);

    Cli.Result stopped = kiln.run("--output", "csv", "clusters", "list", "--state", "TERMINATED");
    assertEquals(0, stopped.exitCode, stopped::toString);
    assertTrue(stopped.out.contains("0401-000000-stopped1"), stopped.out);
    assertTrue(!stopped.out.contains(ws.defaultClusterId()), stopped.out);
  }

  @Test
  void getPrintsJson() throws Exception {
    Cli.Result r = kiln.run("clusters", "get", ws.defaultClusterId());
    assertEquals(0, r.exitCode, r::toString);
    JsonNode json = new ObjectMapper().readTree(r.out);
    assertEquals(ws.defaultClusterId(), json.path("cluster_id").asText());
    assertEquals("RUNNING", json.path("state").asText());
  }

  @Test
  void startThenTerminate() throws Exception {
    ws.addCluster("0401-000000-cycle001", "cycle", ClusterState.TERMINATED);
    Cli.Result started = kiln.run("clusters", "start", "0401-000000-cycle001");
    assertEquals(0, started.exitCode, started::toString);
    assertTrue(started.err.contains("starting"), started.err);

    Cli.Result again = kiln.run("clusters", "start", "0401-000000-cycle001");
    assertEquals(1, again.exitCode, again::toString);
    assertTrue(again.err.contains("INVALID_STATE"), again.err);

    Cli.Result terminated = kiln.run("clusters", "terminate", "0401-000000-cycle001");
    assertEquals(0, terminated.exitCode, terminated::toString);
    String state = new ObjectMapper().readTree(kiln.run("clusters", "get", "0401-000000-cycle001").out).path("state").asText();
    assertTrue(state.equals("TERMINATING") || state.equals("TERMINATED"), state);
  }

  @Test
  void anUnknownClusterIsAnError() {
    Cli.Result r = kiln.run("clusters", "get", "nope");
    assertEquals(1, r.exitCode, r::toString);
    assertTrue(r.err.contains("INVALID_PARAMETER_VALUE"), r.err);
  }
}
