package dev.kiln.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.jobs.model.JobCluster;
import dev.kiln.jobs.model.ClusterSpec;
import dev.kiln.jobs.model.JobListFilter;
import dev.kiln.jobs.model.JobParameterDefinition;
import dev.kiln.jobs.model.JobSettings;
import dev.kiln.jobs.model.NotebookTask;
import dev.kiln.jobs.model.RepairRunRequest;
import dev.kiln.jobs.model.RunJobTask;
import dev.kiln.jobs.model.RunListFilter;
import dev.kiln.jobs.model.RunNowRequest;
import dev.kiln.jobs.model.SqlTask;
import dev.kiln.jobs.model.SubmitRunRequest;
import dev.kiln.jobs.model.Task;
import dev.kiln.jobs.model.TaskDependency;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bad input fails with InvalidRequestException before anything is sent: thrown, or as a failed future. */
class ArgumentChecksTest extends JobsTestBase {
  private static Task notebook(String key) {
    return Task.builder().taskKey(key).notebookTask(NotebookTask.of("/Shared/" + key)).build();
  }

  private static JobSettings withTasks(Task... tasks) {
    return JobSettings.builder().name("j").addTasks(tasks).build();
  }

  @AfterEach
  void nothingWasSent() {
    assertEquals(0, server.getRequestCount(), "bad input must fail before anything is sent");
  }

  @Test
  void idsMustBePositive() {
    rejected(() -> jobs.getAsync(0), "jobId must be positive");
    rejected(() -> jobs.getRunAsync(-1), "runId must be positive");
    rejected(() -> jobs.deleteAsync(0), "jobId");
    rejected(() -> jobs.cancelRunAsync(0), "runId");
    rejected(() -> jobs.cancelAllRunsAsync(0), "jobId");
    rejected(() -> jobs.deleteRunAsync(0), "runId");
    rejected(() -> jobs.getRunOutputAsync(0), "taskRunId");
    rejected(() -> jobs.runNowAsync(RunNowRequest.of(0)), "jobId");
    assertThrows(InvalidRequestException.class, () -> jobs.handle(0));
    assertThrows(InvalidRequestException.class, () -> jobs.get(-5));
  }

  @Test
  void taskKeysMustBeValidAndUnique() {
    rejected(() -> jobs.createAsync(withTasks(notebook("a b"))), "letters, digits");
    rejected(() -> jobs.createAsync(withTasks(notebook("x".repeat(101)))), "at most 100");
    rejected(() -> jobs.createAsync(withTasks(notebook("a"), notebook("a"))), "used twice");
    rejected(() -> jobs.createAsync(withTasks(notebook(" "))), "task_key must not be blank");
  }

  @Test
  void dependenciesMustNameTasksOfTheJob() {
    rejected(() -> jobs.createAsync(withTasks(notebook("a"),
        notebook("b").withDependsOn(TaskDependency.on("missing")))), "depends on 'missing'");
    rejected(() -> jobs.createAsync(withTasks(notebook("a").withDependsOn(TaskDependency.on("a")))), "depends on itself");
  }

  @Test
  void aTaskHasExactlyOneBodyAndAtMostOneCompute() {
    rejected(() -> jobs.createAsync(withTasks(Task.builder().taskKey("a").build())), "it has 0");
    rejected(() -> jobs.createAsync(withTasks(notebook("a").withRunJobTask(RunJobTask.of(5)))), "it has 2");
    rejected(() -> jobs.createAsync(withTasks(notebook("a").withExistingClusterId("c").withJobClusterKey("k"))),
        "at most one of existing_cluster_id");
    rejected(() -> jobs.createAsync(withTasks(notebook("a").withJobClusterKey("nope"))), "job cluster 'nope'");
    rejected(() -> jobs.createAsync(withTasks(Task.builder().taskKey("q").sqlTask(SqlTask.builder().warehouseId("w")
        .build()).build())), "exactly one of query, file");
  }

  @Test
  void jobLimits() {
    rejected(() -> jobs.createAsync(JobSettings.builder().maxConcurrentRuns(1001).build()), "max_concurrent_runs");
    JobSettings.Builder tags = JobSettings.builder();
    for (int i = 0; i < 26; i++) {
      tags.putTags("t" + i, "v");
    }
    rejected(() -> jobs.createAsync(tags.build()), "at most 25 tags");
    rejected(() -> jobs.createAsync(JobSettings.builder().addParameters(JobParameterDefinition.of("m", "1"),
        JobParameterDefinition.of("m", "2")).build()), "defined twice");
    rejected(() -> jobs.createAsync(JobSettings.builder()
        .addJobClusters(JobCluster.of("k", ClusterSpec.builder().build()), JobCluster.of("k", ClusterSpec.builder().build()))
        .build()), "used twice");
    rejected(() -> jobs.createAsync(null), "settings must not be null");
    rejected(() -> jobs.updateAsync(1, JobSettings.builder().maxConcurrentRuns(-1).build(), List.of()), "max_concurrent_runs");
    rejected(() -> jobs.updateAsync(1, JobSettings.builder().build(), List.of(" ")), "a field to remove");
    rejected(() -> jobs.resetAsync(1, withTasks(notebook("a"), notebook("a"))), "used twice");
  }

  @Test
  void runNowLimits() {
    rejected(() -> jobs.runNowAsync(RunNowRequest.builder().jobId(1).idempotencyToken("t".repeat(65)).build()),
        "at most 64");
    rejected(() -> jobs.runNowAsync(RunNowRequest.builder().jobId(1).addJarParams("a").putNotebookParams("k", "v")
        .build()), "jar_params cannot be combined");
    rejected(() -> jobs.runNowAsync(RunNowRequest.builder().jobId(1).putNotebookParams("k", "v".repeat(10_000))
        .build()), "notebook_params is 10008 bytes");
    rejected(() -> jobs.runNowAsync(null), "request must not be null");
  }

  @Test
  void submitAndRepairLimits() {
    rejected(() -> jobs.submitAsync(SubmitRunRequest.builder().build()), "at least one task");
    rejected(() -> jobs.submitAsync(SubmitRunRequest.builder().addTasks(notebook("a").withJobClusterKey("k")).build()),
        "no job clusters");
    rejected(() -> jobs.repairRunAsync(RepairRunRequest.builder().runId(1).build()), "exactly one of the two");
    rejected(() -> jobs.repairRunAsync(RepairRunRequest.builder().runId(1).addRerunTasks("a")
        .rerunAllFailedTasks(true).build()), "exactly one of the two");
  }

  @Test
  void listFilters() {
    assertThrows(InvalidRequestException.class,
        () -> jobs.listRuns(RunListFilter.builder().activeOnly(true).completedOnly(true).build()));
    assertThrows(InvalidRequestException.class, () -> jobs.listRuns(RunListFilter.builder().pageSize(26).build()));
    assertThrows(InvalidRequestException.class, () -> jobs.listRuns(RunListFilter.builder()
        .startTimeFrom(Instant.ofEpochMilli(2)).startTimeTo(Instant.ofEpochMilli(1)).build()));
    assertThrows(InvalidRequestException.class, () -> jobs.list(JobListFilter.builder().pageSize(101).build()));
    assertThrows(InvalidRequestException.class, () -> jobs.list(JobListFilter.named(" ")));
  }

  /** The async form fails (never throws) with the message; the blocking form throws the same type. */
  private static void rejected(Supplier<CompletableFuture<?>> call, String expected) {
    CompletableFuture<?> f = call.get();
    ExecutionException e = assertThrows(ExecutionException.class, f::get);
    assertTrue(e.getCause() instanceof InvalidRequestException, String.valueOf(e.getCause()));
    assertTrue(e.getCause().getMessage().contains(expected), e.getCause().getMessage());
  }
}
