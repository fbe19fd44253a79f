package dev.kiln.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Jobs API on the wire: the run scheduler step by step on the workspace clock, checks and error codes. */
class JobsApiTest {
  private static final Duration STEP = Duration.ofSeconds(10);
  // One workspace for the class: each test makes its own jobs; runs move only when the test advances the clock.
  private static final MutableClock clock = new MutableClock(Instant.parse("2026-02-28T16:00:00Z"));
  private static LocalWorkspace ws;
  private static Wire wire;

  @BeforeAll
  static void start() {
    ws = LocalWorkspace.builder().clock(clock).jobStepTime(STEP).start();
    wire = new Wire(ws);
  }

  @AfterAll
  static void stop() {
    ws.close();
  }

  private static ObjectNode task(String key, String... dependsOn) {
    ObjectNode task = Wire.object().put("task_key", key);
    task.putObject("notebook_task").put("notebook_path", "/Shared/" + key);
    ArrayNode deps = task.putArray("depends_on");
    for (String d : dependsOn) {
      deps.addObject().put("task_key", d);
    }
    return task;
  }

  private static long createJob(ObjectNode... tasks) {
    ObjectNode body = Wire.object().put("name", "ETL").put("max_concurrent_runs", 1);
    ArrayNode array = body.putArray("tasks");
    for (ObjectNode t : tasks) {
      array.add(t);
    }
    Wire.Reply reply = wire.post("/api/2.2/jobs/create", body);
    assertEquals(200, reply.status, reply.body);
    return reply.json().path("job_id").asLong();
  }

  private static String states(long runId) {
    JsonNode run = wire.get("/api/2.2/jobs/runs/get?run_id=" + runId).json();
    List<String> parts = new ArrayList<>();
    parts.add(run.at("/state/life_cycle_state").asText());
    run.path("tasks").forEach(t -> parts.add(t.path("task_key").asText() + "=" + t.at("/state/life_cycle_state").asText()));
    return String.join(" ", parts);
  }

  @Test
  void eachTaskWalksPendingRunningTerminatingAfterItsDependencies() {
    long jobId = createJob(task("a"), task("b", "a"));
    long runId = wire.post("/api/2.2/jobs/run-now", Wire.object().put("job_id", jobId)).json().path("run_id").asLong();
    assertTrue(runId > Integer.MAX_VALUE, "ids are int64");

    List<String> walk = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      walk.add(states(runId));
      clock.advance(STEP);
    }

    assertEquals(List.of(
        "PENDING a=QUEUED b=QUEUED",
        "RUNNING a=PENDING b=BLOCKED",
        "RUNNING a=RUNNING b=BLOCKED",
        "RUNNING a=TERMINATING b=BLOCKED",
        "RUNNING a=TERMINATED b=PENDING",
        "RUNNING a=TERMINATED b=RUNNING",
        "RUNNING a=TERMINATED b=TERMINATING",
        "TERMINATING a=TERMINATED b=TERMINATED",
        "TERMINATED a=TERMINATED b=TERMINATED",
        "TERMINATED a=TERMINATED b=TERMINATED"), walk);
    JsonNode run = wire.get("/api/2.2/jobs/runs/get?run_id=" + runId).json();
    assertEquals("SUCCESS", run.at("/state/result_state").asText());
    assertEquals("TERMINATED", run.at("/status/state").asText());
    assertEquals("SUCCESS", run.at("/status/termination_details/code").asText());
    assertEquals(run.at("/tasks/0/end_time").asLong(), run.at("/tasks/1/start_time").asLong());
  }

  @Test
  void aSecondRunWaitsQueuedForTheFirst() {
    long jobId = createJob(task("a"));
    long first = wire.post("/api/2.2/jobs/run-now", Wire.object().put("job_id", jobId)).json().path("run_id").asLong();
    long second = wire.post("/api/2.2/jobs/run-now", Wire.object().put("job_id", jobId)).json().path("run_id").asLong();

    assertEquals("QUEUED a=QUEUED", states(second));
    JsonNode queued = wire.get("/api/2.2/jobs/runs/list?job_id=" + jobId + "&active_only=true").json();
    assertEquals(2, queued.path("runs").size());
    assertEquals(second, queued.at("/runs/0/run_id").asLong(), "newest first");

    clock.advance(STEP.multipliedBy(6));
    assertTrue(states(first).startsWith("TERMINATED"), states(first));
    assertFalse(states(second).startsWith("QUEUED"), states(second));
  }

  @Test
  void cancelEndsTheRunCanceledAndAnUnknownRunIsInvalid() {
    long jobId = createJob(task("a"));
    long runId = wire.post("/api/2.2/jobs/run-now", Wire.object().put("job_id", jobId)).json().path("run_id").asLong();
    clock.advance(STEP.multipliedBy(2));

    assertEquals(200, wire.post("/api/2.2/jobs/runs/cancel", Wire.object().put("run_id", runId)).status);
    clock.advance(STEP);

    JsonNode run = wire.get("/api/2.2/jobs/runs/get?run_id=" + runId).json();
    assertEquals("CANCELED", run.at("/state/result_state").asText());
    assertEquals("USER_CANCELED", run.at("/status/termination_details/code").asText());
    Wire.Reply unknown = wire.get("/api/2.2/jobs/runs/get?run_id=42");
    assertEquals(400, unknown.status);
    assertEquals("INVALID_PARAMETER_VALUE", unknown.json().path("error_code").asText());
  }

  @Test
  void badJobsAreRefusedAsDocumented() {
    assertInvalid(wire.post("/api/2.2/jobs/create", settingsWith(task("a", "missing"))), "depends on missing");
    assertInvalid(wire.post("/api/2.2/jobs/create", settingsWith(task("a"), task("a"))), "duplicated");
    assertInvalid(wire.post("/api/2.2/jobs/create", settingsWith(task("a", "b"), task("b", "a"))), "cycle");
    assertInvalid(wire.post("/api/2.2/jobs/create", settingsWith(Wire.object().put("task_key", "x"))), "exactly one");
    assertInvalid(wire.post("/api/2.2/jobs/create", Wire.object().put("max_concurrent_runs", 1001)), "max_concurrent_runs");
    long jobId = createJob(task("a"));
    ObjectNode both = Wire.object().put("job_id", jobId);
    both.putArray("jar_params").add("x");
    both.putObject("notebook_params").put("k", "v");
    assertInvalid(wire.post("/api/2.2/jobs/run-now", both), "cannot be specified together");
    assertInvalid(wire.post("/api/2.2/jobs/run-now", Wire.object().put("job_id", jobId)
        .put("idempotency_token", "t".repeat(65))), "at most 64");
    assertInvalid(wire.get("/api/2.2/jobs/list?limit=101"), "limit");
    assertInvalid(wire.get("/api/2.2/jobs/runs/list?limit=26"), "limit");
    assertInvalid(wire.get("/api/2.2/jobs/runs/list?active_only=true&completed_only=true"), "cannot both");
    assertInvalid(wire.get("/api/2.2/jobs/get?job_id=7"), "Job 7 does not exist.");
  }

  @Test
  void getPagesTasksByAHundredOn22ButNotOn21() {
    ObjectNode[] tasks = new ObjectNode[150];
    for (int i = 0; i < tasks.length; i++) {
      tasks[i] = task("t" + i);
    }
    long jobId = createJob(tasks);

    JsonNode first = wire.get("/api/2.2/jobs/get?job_id=" + jobId).json();
    assertEquals(100, first.at("/settings/tasks").size());
    JsonNode second = wire.get("/api/2.2/jobs/get?job_id=" + jobId + "&page_token="
        + first.path("next_page_token").asText()).json();
    assertEquals(50, second.at("/settings/tasks").size());
    assertFalse(second.has("next_page_token"));
    assertEquals(150, wire.get("/api/2.1/jobs/get?job_id=" + jobId).json().at("/settings/tasks").size());

    long runId = wire.post("/api/2.2/jobs/run-now", Wire.object().put("job_id", jobId)).json().path("run_id").asLong();
    JsonNode run = wire.get("/api/2.2/jobs/runs/get?run_id=" + runId).json();
    assertEquals(100, run.path("tasks").size());
    assertEquals(50, wire.get("/api/2.2/jobs/runs/get?run_id=" + runId + "&page_token="
        + run.path("next_page_token").asText()).json().path("tasks").size());
  }

  private static ObjectNode settingsWith(ObjectNode... tasks) {
    ObjectNode body = Wire.object().put("name", "bad");
    ArrayNode array = body.putArray("tasks");
    for (ObjectNode t : tasks) {
      array.add(t);
    }
    return body;
  }

  private static void assertInvalid(Wire.Reply reply, String text) {
    assertEquals(400, reply.status, reply.body);
    assertEquals("INVALID_PARAMETER_VALUE", reply.json().path("error_code").asText(), reply.body);
    assertTrue(reply.json().path("message").asText().contains(text), reply.body);
  }
}
