package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One task of an emulated job run: its spec, its own run id, its state and what it produced. */
final class TaskRun {
  final long runId;
  final String taskKey;
  final ObjectNode spec; // the task as the job (or submit) defined it
  final List<String> dependsOn = new ArrayList<>();
  final String runIf;
  final int attemptNumber;
  RunLifeCycle lifeCycle = RunLifeCycle.QUEUED;
  String resultState; // set once TERMINATED
  String pendingResult; // the result while TERMINATING
  String stateMessage = "";
  Instant since; // when the current state began
  Instant startTime;
  Instant runningSince;
  Instant endTime;
  String clusterId;
  NotebookRunner.Execution execution;
  NotebookRunner.Outcome outcome;

  TaskRun(long runId, ObjectNode spec, int attemptNumber, Instant now) {
    this.runId = runId;
    this.taskKey = spec.path("task_key").asText();
    this.spec = spec;
    this.attemptNumber = attemptNumber;
    this.runIf = spec.path("run_if").asText("ALL_SUCCESS");
    for (JsonNode d : spec.path("depends_on")) {
      dependsOn.add(d.path("task_key").asText());
    }
    this.since = now;
  }

  boolean isTerminal() {
    return lifeCycle.isTerminal();
  }

  boolean succeeded() {
    return "SUCCESS".equals(resultState) || "EXCLUDED".equals(resultState);
  }

  /** Ends the task now (a dependency failed, a cancel while not yet running): TERMINATED with {@code result}. */
  void end(String result, String message, Instant now) {
    lifeCycle = RunLifeCycle.TERMINATED;
    resultState = result;
    stateMessage = message;
    since = now;
    endTime = now;
    if (execution != null) {
      execution.cancel();
    }
  }
}
