package dev.kiln.examples;

import dev.kiln.core.DatabricksClient;
import dev.kiln.jobs.JobsClient;
import dev.kiln.jobs.RunHandle;
import dev.kiln.jobs.model.Job;
import dev.kiln.jobs.model.JobSettings;
import dev.kiln.jobs.model.Run;
import dev.kiln.jobs.model.RunNowRequest;
import dev.kiln.jobs.model.RunResult;
import dev.kiln.jobs.model.RunTask;
import dev.kiln.jobs.model.Task;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kiln jobs list|get|run-now|runs get|cancel}. */
@Command(
    name = "jobs",
    mixinStandardHelpOptions = true,
    description = "Jobs: list and inspect jobs, trigger runs and follow them, cancel runs.",
    subcommands = {
        JobsCommand.ListJobs.class,
        JobsCommand.GetJob.class,
        JobsCommand.RunNow.class,
        JobsCommand.Runs.class,
        JobsCommand.Cancel.class
    })
final class JobsCommand extends CommandGroup {
  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the jobs.")
  static final class ListJobs extends CliCommand {
    @Option(names = "--name", paramLabel = "NAME", description = "Only jobs with this exact name (ignoring case).")
    String name;

    @Override
    void run() {
      try (DatabricksClient db = connect()) {
        JobsClient jobs = JobsClient.create(db);
        Iterable<Job> all = name == null ? jobs.list() : jobs.list(dev.kiln.jobs.model.JobListFilter.named(name));
        if (format() == OutputFormatter.Format.JSON) {
          printJson(all);
          return;
        }
        Table table = Table.withColumns("job_id", "name", "created", "creator");
        for (Job job : all) {
          table.addRow(job.jobId(), job.name().orElse(null), job.createdAt().orElse(null),
              job.creatorUserName().orElse(null));
        }
        print(table);
      }
    }
  }

  @Command(name = "get", mixinStandardHelpOptions = true, description = "Shows one job and its tasks.")
  static final class GetJob extends CliCommand {
    @Parameters(index = "0", paramLabel = "JOB_ID", description = "The job's id.")
    long jobId;

    @Override
    void run() {
      try (DatabricksClient db = connect()) {
        Job job = JobsClient.create(db).get(jobId);
        if (format() == OutputFormatter.Format.JSON) {
          printJson(job);
          return;
        }
        JobSettings s = job.settings().orElse(JobSettings.builder().build());
        Table table = Table.withColumns("field", "value")
            .addRow("job_id", job.jobId())
            .addRow("name", s.name().orElse(null))
            .addRow("created", job.createdAt().orElse(null))
            .addRow("max_concurrent_runs", s.maxConcurrentRuns().orElse(null))
            .addRow("parameters", s.parameters().stream().map(p -> p.name() + "=" + p.defaultValue())
                .collect(Collectors.joining(", ")))
            .addRow("schedule", s.schedule().map(c -> c.quartzCronExpression() + " " + c.timezoneId()).orElse(null));
        for (Task t : s.tasks()) {
          table.addRow("task " + t.taskKey(), describe(t));
        }
        print(table);
      }
    }

    private static String describe(Task t) {
      String what = t.notebookTask().map(n -> "notebook " + n.notebookPath())
          .or(() -> t.sparkPythonTask().map(p -> "python " + p.pythonFile()))
          .or(() -> t.pythonWheelTask().map(w -> "wheel " + w.packageName() + ":" + w.entryPoint()))
          .or(() -> t.sqlTask().map(q -> "sql on " + q.warehouseId()))
          .or(() -> t.runJobTask().map(r -> "job " + r.jobId()))
          .orElse("other");
      String after = t.dependsOn().isEmpty() ? "" : " after " + t.dependsOn().stream().map(d -> d.taskKey())
          .collect(Collectors.joining(", "));
      return what + after;
    }
  }

  @Command(
      name = "run-now",
      mixinStandardHelpOptions = true,
      description = {"Starts a run of a job; with --wait, follows it to the end and prints each task's result.",
          "Example: kiln jobs run-now 123 --param month=2026-02 --wait"})
  static final class RunNow extends CliCommand {
    @Parameters(index = "0", paramLabel = "JOB_ID", description = "The job's id.")
    long jobId;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "A job parameter (repeatable).")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--wait", description = "Wait for the run to end and print each task's result.")
    boolean waitForEnd;

    @Override
    void run() {
      try (DatabricksClient db = connect()) {
        RunHandle handle = JobsClient.create(db).runNow(RunNowRequest.builder().jobId(jobId).jobParameters(params).build());
        if (!waitForEnd) {
          Table table = Table.withColumns("run_id", "job_id").addRow(handle.runId(), jobId);
          print(table);
          return;
        }
        RunResult result = handle.await();
        if (format() == OutputFormatter.Format.JSON) {
          printJson(result.run());
          return;
        }
        print(taskTable(result.run(), result));
      }
    }
  }

  @Command(
      name = "runs",
      mixinStandardHelpOptions = true,
      description = "Job runs: show one.",
      subcommands = {JobsCommand.GetRun.class})
  static final class Runs extends CommandGroup {}

  @Command(name = "get", mixinStandardHelpOptions = true, description = "Shows a run and the state of each task.")
  static final class GetRun extends CliCommand {
    @Parameters(index = "0", paramLabel = "RUN_ID", description = "The run's id.")
    long runId;

    @Override
    void run() {
      try (DatabricksClient db = connect()) {
        Run run = JobsClient.create(db).getRun(runId);
        if (format() == OutputFormatter.Format.JSON) {
          printJson(run);
          return;
        }
        out().printf("run %d: %s%s%s%n", run.runId(), run.lifeCycleState(),
            run.resultState().map(r -> " " + r).orElse(""), run.stateMessage().map(m -> " (" + m + ")").orElse(""));
        run.runPageUrl().ifPresent(url -> out().println(url));
        print(taskTable(run, null));
      }
    }
  }

  @Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancels a run (it ends CANCELED shortly).")
  static final class Cancel extends CliCommand {
    @Parameters(index = "0", paramLabel = "RUN_ID", description = "The run's id.")
    long runId;

    @Override
    void run() {
      try (DatabricksClient db = connect()) {
        JobsClient.create(db).cancelRun(runId);
        out().println("cancelling run " + runId);
      }
    }
  }

  /** One row per task: state, result, times and (with outputs) the notebook result. */
  static Table taskTable(Run run, RunResult outputs) {
    Table table = outputs == null ? Table.withColumns("task", "state", "result", "started", "ended")
        : Table.withColumns("task", "state", "result", "notebook_result");
    for (RunTask t : run.tasks()) {
      String result = t.resultState().map(Enum::name).orElse(null);
      if (outputs == null) {
        table.addRow(t.taskKey(), t.lifeCycleState().name(), result, time(t.startTime()), time(t.endTime()));
      } else {
        table.addRow(t.taskKey(), t.lifeCycleState().name(), result, outputs.notebookResult(t.taskKey()).orElse(null));
      }
    }
    return table;
  }

  private static Instant time(Optional<Long> millis) {
    return millis.filter(m -> m > 0).map(Instant::ofEpochMilli).orElse(null);
  }
}
