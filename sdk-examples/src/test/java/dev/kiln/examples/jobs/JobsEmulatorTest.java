package dev.kiln.examples.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.DatabricksClient;
import dev.kiln.core.auth.Credentials;
import dev.kiln.core.error.InvalidParameterValueException;
import dev.kiln.core.error.InvalidStateException;
import dev.kiln.emulator.LocalWorkspace;
import dev.kiln.jobs.JobsClient;
import dev.kiln.jobs.RunFailedException;
import dev.kiln.jobs.RunHandle;
import dev.kiln.jobs.model.Job;
import dev.kiln.jobs.model.JobListFilter;
import dev.kiln.jobs.model.JobParameterDefinition;
import dev.kiln.jobs.model.JobSettings;
import dev.kiln.jobs.model.NotebookTask;
import dev.kiln.jobs.model.RepairRunRequest;
import dev.kiln.jobs.model.Run;
import dev.kiln.jobs.model.RunLifeCycleState;
import dev.kiln.jobs.model.RunListFilter;
import dev.kiln.jobs.model.RunNowRequest;
import dev.kiln.jobs.model.RunOutput;
import dev.kiln.jobs.model.RunResult;
import dev.kiln.jobs.model.RunResultState;
import dev.kiln.jobs.model.RunTask;
import dev.kiln.jobs.model.SparkPythonTask;
import dev.kiln.jobs.model.SubmitRunRequest;
import dev.kiln.jobs.model.Task;
import dev.kiln.jobs.model.TaskDependency;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Jobs end to end: JobsClient against the emulator's jobs, runs and scheduler, notebooks run for real. */
@Timeout(60)
class JobsEmulatorTest {
  private static final String INGEST = "# Databricks notebook source\n"
      + "month = dbutils.widgets.get('month')\n"
      + "# COMMAND ----------\n"
      + "rows = 1200 + len(month)\n"
      + "print('ingesting', month)\n"
      + "dbutils.notebook.exit(f'{rows} rows for {month}')\n"
      + "print('never printed')\n";
  private static final String REPORT = "-- Databricks notebook source\n"
      + "SELECT 'report for ' || :month AS title;\n";

  private final StepClock clock = new StepClock();
  private LocalWorkspace ws;
  private DatabricksClient db;
  private JobsClient jobs;

  @BeforeEach
  void start() {
    ws = LocalWorkspace.builder().clock(clock).jobStepTime(Duration.ofSeconds(1)).start();
    db = DatabricksClient.builder().host(ws.host()).credentials(Credentials.personalAccessToken(ws.token()))
        .clock(clock).sleeper(clock).build();
    jobs = JobsClient.create(db);
    ws.addNotebook("/Shared/bronze_ingestion", "PYTHON", INGEST);
    ws.addNotebook("/Shared/month_end_report", "SQL", REPORT);
  }

  @AfterEach
  void stop() {
    db.close();
    ws.close();
  }

  private static JobSettings monthEnd() {
    return JobSettings.builder().name("BIR Month-End ETL")
        .addParameters(JobParameterDefinition.of("month", "2026-01"))
        .addTasks(Task.builder().taskKey("ingest").notebookTask(NotebookTask.of("/Shared/bronze_ingestion")).build())
        .addTasks(Task.builder().taskKey("report").addDependsOn(TaskDependency.on("ingest"))
            .notebookTask(NotebookTask.of("/Workspace/Shared/month_end_report")).build())
        .maxConcurrentRuns(1)
        .build();
  }

  @Test
  void theMonthEndJobRunsBothNotebooksInOrderWithItsParameters() {
    assumePython();
    long jobId = jobs.create(monthEnd());

    RunHandle handle = jobs.runNow(RunNowRequest.builder().jobId(jobId).putJobParameters("month", "2026-02").build());
    List<String> seen = new CopyOnWriteArrayList<>();
    handle.addListener(r -> seen.add(r.tasks().stream().map(t -> t.taskKey() + ":" + t.lifeCycleState())
        .collect(Collectors.joining(","))));
    RunResult result = handle.await();

    assertEquals(Optional.of("1207 rows for 2026-02"), result.notebookResult("ingest"));
    assertEquals(Optional.of("report for 2026-02"), result.notebookResult("report"));
    Run run = result.run();
    assertEquals(Optional.of(RunResultState.SUCCESS), run.resultState());
    RunTask ingest = run.task("ingest").orElseThrow();
    RunTask report = run.task("report").orElseThrow();
    assertTrue(report.startTime().orElseThrow() >= ingest.endTime().orElseThrow(), "report starts after ingest ends");
    assertEquals("2026-02", run.jobParameters().get(0).value().orElseThrow());
    assertTrue(run.runPageUrl().orElseThrow().contains("/run/" + run.runId()));
    assertEquals(seen.stream().distinct().collect(Collectors.toList()), seen, "each state once: " + seen);
    assertEquals("ingest:TERMINATED,report:TERMINATED", seen.get(seen.size() - 1));
    RunOutput ingestOutput = jobs.getRunOutput(ingest.runId());
    assertEquals(Optional.of("1207 rows for 2026-02"), ingestOutput.notebookResult());
    InvalidParameterValueException parent = assertThrows(InvalidParameterValueException.class,
        () -> jobs.getRunOutput(run.runId()));
    assertTrue(parent.getMessage().contains("multiple tasks"), parent.getMessage());
  }

  @Test
  void aFailingTaskFailsTheRunAndSkipsWhatDependsOnIt() {
    ws.failJobTask("ingest", "source table bronze.erp_wht is missing");
    long jobId = jobs.create(monthEnd());

    RunFailedException e = assertThrows(RunFailedException.class, () -> jobs.runNow(jobId).await());

    assertEquals(Optional.of(RunResultState.FAILED), e.resultState());
    assertEquals(RunLifeCycleState.TERMINATED, e.lifeCycleState());
    assertTrue(e.getMessage().contains("source table bronze.erp_wht is missing"), e.getMessage());
    assertTrue(e.runPageUrl().orElseThrow().startsWith(ws.host()), e.runPageUrl().toString());
    assertEquals(Optional.of(RunResultState.UPSTREAM_FAILED), e.run().task("report").orElseThrow().resultState());
    assertEquals(Optional.of("source table bronze.erp_wht is missing"), e.outputs().get("ingest").error());
  }

  @Test
  void aPythonExceptionIsTheTasksErrorWithItsTrace() {
    assumePython();
    ws.addNotebook("/Shared/broken", "PYTHON", "x = 1\ny = x / 0\n");
    long jobId = jobs.create(JobSettings.builder().name("broken")
        .addTasks(Task.builder().taskKey("divide").notebookTask(NotebookTask.of("/Shared/broken")).build()).build());

    RunFailedException e = assertThrows(RunFailedException.class, () -> jobs.runNow(jobId).await());

    RunOutput out = e.outputs().get("divide");
    assertEquals(Optional.of("ZeroDivisionError: division by zero"), out.error());
    assertTrue(out.errorTrace().orElseThrow().contains("/Shared/broken"), out.errorTrace().toString());
  }

  @Test
  void aTimedOutTaskEndsTimedout() {
    ws.timeOutJobTask("slow");
    long jobId = jobs.create(JobSettings.builder().name("slow job")
        .addTasks(Task.builder().taskKey("slow").timeoutSeconds(30)
            .sparkPythonTask(SparkPythonTask.builder().pythonFile("dbfs:/slow.py").build()).build()).build());

    RunFailedException e = assertThrows(RunFailedException.class, () -> jobs.runNow(jobId).await());

    RunTask slow = e.run().task("slow").orElseThrow();
    assertEquals(Optional.of(RunResultState.TIMEDOUT), slow.resultState());
    assertTrue(slow.stateMessage().orElseThrow().contains("timed out after 30 seconds"), slow.stateMessage().toString());
  }

  @Test
  void aNotebookMissingFromTheWorkspaceSucceedsWithoutAResult() {
    RunHandle handle = jobs.submit(SubmitRunRequest.builder().runName("one-off")
        .addTasks(Task.builder().taskKey("t").notebookTask(NotebookTask.of("/Shared/not-there")).build()).build());

    RunResult result = handle.await();

    assertEquals(Optional.empty(), result.notebookResult("t"));
    assertEquals(Optional.empty(), result.run().jobId());
    assertEquals(dev.kiln.jobs.model.RunType.SUBMIT_RUN, result.run().runType());
  }

  @Test
  void maxConcurrentRunsQueuesTheSecondRunUntilTheFirstEnds() {
    long jobId = jobs.create(JobSettings.builder().name("one at a time").maxConcurrentRuns(1)
        .addTasks(Task.builder().taskKey("t").notebookTask(NotebookTask.of("/Shared/none")).build()).build());

    RunHandle first = jobs.runNow(jobId);
    RunHandle second = jobs.runNow(jobId);

    Run a = first.await().run();
    Run b = second.await().run();
    assertTrue(b.startedAt().isPresent());
    assertTrue(jobs.getRun(b.runId()).tasks().get(0).startTime().orElseThrow() >= a.endTime().orElseThrow(),
        "the queued run's task starts once the first run ended");
    assertEquals(List.of(b.runId(), a.runId()), jobs.listRuns(RunListFilter.ofJob(jobId)).stream()
        .map(Run::runId).collect(Collectors.toList()), "newest first");
  }

  @Test
  void cancellingTheWaitCancelsTheRun() throws Exception {
    ws.timeOutJobTask("long");
    long jobId = jobs.create(JobSettings.builder().name("long")
        .addTasks(Task.builder().taskKey("long").timeoutSeconds(3600)
            .sparkPythonTask(SparkPythonTask.builder().pythonFile("dbfs:/x.py").build()).build()).build());

    RunHandle handle = jobs.runNow(jobId);
    handle.poll();
    assertTrue(handle.resultAsync().cancel(true));

    Run run = waitForEnd(handle.runId());
    assertEquals(Optional.of(RunResultState.CANCELED), run.resultState());
  }

  @Test
  void aRepeatedIdempotencyTokenReturnsTheSameRun() {
    long jobId = jobs.create(monthEnd());
    RunNowRequest request = RunNowRequest.builder().jobId(jobId).idempotencyToken("month-end-2026-02").build();

    long first = jobs.runNow(request).runId();
    long again = jobs.runNow(request).runId();

    assertEquals(first, again);
    assertEquals(1, jobs.listRuns(RunListFilter.ofJob(jobId)).stream().count());
  }

  @Test
  void jobsAreListedChangedAndDeleted() {
    long a = jobs.create(monthEnd());
    long b = jobs.create(JobSettings.builder().name("Nightly")
        .addTasks(Task.builder().taskKey("n").notebookTask(NotebookTask.of("/n")).build()).build());

    assertEquals(List.of(a, b), jobs.list(JobListFilter.builder().pageSize(1).build()).stream().map(Job::jobId)
        .collect(Collectors.toList()), "paged one by one");
    assertEquals(List.of(b), jobs.list(JobListFilter.named("NIGHTLY")).stream().map(Job::jobId)
        .collect(Collectors.toList()));
    assertTrue(jobs.list().iterator().next().tasks().isEmpty(), "no tasks without expand_tasks");

    jobs.update(b, JobSettings.builder().maxConcurrentRuns(4).addTasks(Task.builder().taskKey("m")
        .notebookTask(NotebookTask.of("/m")).build()).build());
    Job updated = jobs.get(b);
    assertEquals(Optional.of(4), updated.settings().orElseThrow().maxConcurrentRuns());
    assertEquals(List.of("n", "m"), updated.tasks().stream().map(Task::taskKey).collect(Collectors.toList()));
    jobs.update(b, JobSettings.builder().build(), List.of("tasks/n"));
    assertEquals(List.of("m"), jobs.get(b).tasks().stream().map(Task::taskKey).collect(Collectors.toList()));

    jobs.reset(b, JobSettings.builder().name("Nightly v2")
        .addTasks(Task.builder().taskKey("z").notebookTask(NotebookTask.of("/z")).build()).build());
    assertEquals(Optional.of("Nightly v2"), jobs.get(b).name());
    assertEquals(Optional.empty(), jobs.get(b).settings().orElseThrow().maxConcurrentRuns());

    jobs.delete(b);
    assertThrows(InvalidParameterValueException.class, () -> jobs.get(b));
  }

  @Test
  void aFailedRunIsRepairedAndAnActiveOneCannotBeDeleted() {
    ws.failJobTask("ingest", "flaky source");
    long jobId = jobs.create(monthEnd());
    RunHandle handle = jobs.runNow(jobId);
    assertThrows(InvalidStateException.class, () -> jobs.deleteRun(handle.runId()));
    assertThrows(RunFailedException.class, handle::await);

    ws.failJobTask("ingest", "still flaky");
    long repairId = jobs.repairRun(RepairRunRequest.builder().runId(handle.runId()).rerunAllFailedTasks(true).build());
    RunFailedException again = assertThrows(RunFailedException.class, () -> jobs.handle(handle.runId()).await());
    assertTrue(again.getMessage().contains("still flaky"), again.getMessage());
    assertEquals(List.of("ORIGINAL", "REPAIR"), again.run().repairHistory().stream().map(h -> h.path("type").asText())
        .collect(Collectors.toList()));
    assertThrows(InvalidParameterValueException.class, () -> jobs.repairRun(RepairRunRequest.builder()
        .runId(handle.runId()).rerunAllFailedTasks(true).build()), "latest_repair_id is required from the second repair");
    assertTrue(repairId > 0);

    jobs.deleteRun(handle.runId());
    assertThrows(InvalidParameterValueException.class, () -> jobs.getRun(handle.runId()));
  }

  private Run waitForEnd(long runId) throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      Run run = jobs.getRun(runId);
      if (run.lifeCycleState().isTerminal()) {
        return run;
      }
      clock.advance(Duration.ofSeconds(1));
    }
    throw new AssertionError("run " + runId + " did not end");
  }

  static void assumePython() {
    String path = System.getenv("PATH");
    boolean found = path != null && Arrays.stream(path.split(File.pathSeparator))
        .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Paths.get(dir, "python3")));
    Assumptions.assumeTrue(found, "no python3 on the PATH");
  }
}
