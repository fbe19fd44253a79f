package dev.kiln.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.DatabricksClient;
import dev.kiln.emulator.LocalWorkspace;
import dev.kiln.jobs.JobsClient;
import dev.kiln.jobs.model.JobParameterDefinition;
import dev.kiln.jobs.model.JobSettings;
import dev.kiln.jobs.model.NotebookTask;
import dev.kiln.jobs.model.SparkPythonTask;
import dev.kiln.jobs.model.Task;
import dev.kiln.jobs.model.TaskDependency;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kiln jobs ...} against the emulator. */
class JobsCommandTest {
  @TempDir
  static Path home;

  static LocalWorkspace ws;
  static Cli kiln;
  static long jobId;
  static long slowJobId;

  @BeforeAll
  static void start() {
    ws = LocalWorkspace.builder().start();
    ws.addNotebook("/Shared/ingest", "SQL", "SELECT 'ingested ' || :month;");
    kiln = Cli.against(ws, home);
    DatabricksClient db = ws.client();
    JobsClient jobs = JobsClient.create(db);
    jobId = jobs.create(JobSettings.builder().name("BIR Month-End ETL")
        .addParameters(JobParameterDefinition.of("month", "2026-01"))
        .addTasks(Task.builder().taskKey("ingest").notebookTask(NotebookTask.of("/Shared/ingest")).build())
        .addTasks(Task.builder().taskKey("report").addDependsOn(TaskDependency.on("ingest"))
            .notebookTask(NotebookTask.of("/Shared/missing")).build())
        .build());
    ws.timeOutJobTask("forever");
    slowJobId = jobs.create(JobSettings.builder().name("slow").addTasks(Task.builder().taskKey("forever")
        .timeoutSeconds(3600).sparkPythonTask(SparkPythonTask.builder().pythonFile("dbfs:/x.py").build()).build()).build());
  }

  @AfterAll
  static void stop() {
    ws.close();
  }

  @Test
  void listAndGet() {
    Cli.Result list = kiln.run("jobs", "list");
    assertEquals(0, list.exitCode, list::toString);
    assertTrue(list.out.contains(jobId + "  BIR Month-End ETL") || list.out.matches("(?s).*" + jobId + "\\s+BIR Month-End ETL.*"),
        list.out);

    Cli.Result json = kiln.run("jobs", "list", "--name", "bir month-end etl", "--output", "json");
    assertEquals(0, json.exitCode, json::toString);
    assertTrue(json.out.strip().startsWith("[") && json.out.contains("\"job_id\" : " + jobId)
        && !json.out.contains(String.valueOf(slowJobId)), json.out);

    Cli.Result get = kiln.run("jobs", "get", String.valueOf(jobId));
    assertEquals(0, get.exitCode, get::toString);
    assertTrue(get.out.matches("(?s).*task ingest\\s+notebook /Shared/ingest.*"), get.out);
    assertTrue(get.out.matches("(?s).*task report\\s+notebook /Shared/missing after ingest.*"), get.out);
    assertTrue(get.out.matches("(?s).*parameters\\s+month=2026-01.*"), get.out);
  }

  @Test
  void runNowWithAParamAndWaitPrintsEachTasksResult() {
    Cli.Result r = kiln.run("jobs", "run-now", String.valueOf(jobId), "--param", "month=2026-02", "--wait");

    assertEquals(0, r.exitCode, r::toString);
    assertTrue(r.out.matches("(?s).*ingest\\s+TERMINATED\\s+SUCCESS\\s+ingested 2026-02.*"), r.out);
    assertTrue(r.out.matches("(?s).*report\\s+TERMINATED\\s+SUCCESS.*"), r.out);
  }

  @Test
  void runNowThenRunsGetAndCancel() {
    Cli.Result started = kiln.run("jobs", "run-now", String.valueOf(slowJobId));
    assertEquals(0, started.exitCode, started::toString);
    Matcher id = Pattern.compile("(?m)^(\\d+)\\s+" + slowJobId + "\\s*$").matcher(started.out);
    assertTrue(id.find(), started.out);
    String runId = id.group(1);

    Cli.Result get = kiln.run("jobs", "runs", "get", runId);
    assertEquals(0, get.exitCode, get::toString);
    assertTrue(get.out.startsWith("run " + runId + ": "), get.out);
    assertTrue(get.out.contains("forever"), get.out);

    Cli.Result cancel = kiln.run("jobs", "cancel", runId);
    assertEquals(0, cancel.exitCode, cancel::toString);
    assertEquals("cancelling run " + runId + "\n", cancel.out);
    Cli.Result after = kiln.run("jobs", "runs", "get", runId);
    assertTrue(after.out.startsWith("run " + runId + ": TERMINATED CANCELED") || after.out.contains("TERMINATING"),
        after.out);
  }

  @Test
  void anUnknownJobIsAnErrorWithItsCode() {
    Cli.Result r = kiln.run("jobs", "get", "42");
    assertTrue(r.exitCode != 0, r::toString);
    assertTrue(r.err.contains("INVALID_PARAMETER_VALUE") && r.err.contains("Job 42 does not exist."), r.err);
  }
}
