package dev.kiln.examples.snippets;

import dev.kiln.jobs.JobsClient;
import dev.kiln.jobs.RunHandle;
import dev.kiln.jobs.model.JobSettings;
import dev.kiln.jobs.model.NotebookTask;
import dev.kiln.jobs.model.RunNowRequest;
import dev.kiln.jobs.model.RunResult;
import dev.kiln.jobs.model.Task;
import dev.kiln.jobs.model.TaskDependency;
import java.util.Optional;

/** README "Jobs (sdk-jobs)": the two notebooks must exist in the workspace. */
@SuppressWarnings("unused") // snippets declare variables to show what a call returns
final class JobsSnippet {
  private JobsSnippet() {}

  static java.util.List<String> run(dev.kiln.core.DatabricksClient db) {
    // snippet:jobs
    JobsClient jobs = JobsClient.create(db);
    long jobId = jobs.create(JobSettings.builder()
            .name("BIR Month-End ETL")
            .addTasks(Task.builder().taskKey("ingest")
                    .notebookTask(NotebookTask.of("/Shared/bir/bronze_ingestion")).build())
            .addTasks(Task.builder().taskKey("report").addDependsOn(TaskDependency.on("ingest"))
                    .notebookTask(NotebookTask.of("/Shared/bir/month_end_report")).build())
            .build());
    RunHandle run = jobs.runNow(RunNowRequest.builder().jobId(jobId)
            .putJobParameters("month", "2026-02").build());      // an idempotency token is generated
    RunResult done = run.await();                                 // or RunFailedException with the task errors
    Optional<String> ingested = done.notebookResult("ingest");    // its dbutils.notebook.exit value
    // end-snippet
    return java.util.List.of(ingested.orElse(""), done.notebookResult("report").orElse(""));
  }
}
