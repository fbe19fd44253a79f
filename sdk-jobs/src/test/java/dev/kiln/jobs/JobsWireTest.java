package dev.kiln.jobs;

import static dev.kiln.core.testing.Wire.expectGet;
import static dev.kiln.core.testing.Wire.expectJsonPost;
import static dev.kiln.core.testing.Wire.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.jobs.model.Autoscale;
import dev.kiln.jobs.model.ClusterSpec;
import dev.kiln.jobs.model.CronSchedule;
import dev.kiln.jobs.model.EmailNotifications;
import dev.kiln.jobs.model.Job;
import dev.kiln.jobs.model.JobCluster;
import dev.kiln.jobs.model.JobListFilter;
import dev.kiln.jobs.model.JobParameterDefinition;
import dev.kiln.jobs.model.JobSettings;
import dev.kiln.jobs.model.NotebookTask;
import dev.kiln.jobs.model.PythonWheelTask;
import dev.kiln.jobs.model.RepairRunRequest;
import dev.kiln.jobs.model.Run;
import dev.kiln.jobs.model.RunJobTask;
import dev.kiln.jobs.model.RunLifeCycleState;
import dev.kiln.jobs.model.RunListFilter;
import dev.kiln.jobs.model.RunNowRequest;
import dev.kiln.jobs.model.RunOutput;
import dev.kiln.jobs.model.RunResultState;
import dev.kiln.jobs.model.RunType;
import dev.kiln.jobs.model.SparkPythonTask;
import dev.kiln.jobs.model.SqlTask;
import dev.kiln.jobs.model.SqlTaskQuery;
import dev.kiln.jobs.model.SubmitRunRequest;
import dev.kiln.jobs.model.Task;
import dev.kiln.jobs.model.TaskDependency;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** Every call of JobsClient: method, path, query and body as they go over the wire, and the replies read. */
class JobsWireTest extends JobsTestBase {
  static JobSettings monthEnd() {
    return JobSettings.builder()
        .name("BIR Month-End ETL")
        .addTasks(Task.builder().taskKey("ingest").notebookTask(NotebookTask.builder()
                .notebookPath("/Shared/bronze_ingestion").putBaseParameters("source", "erp").build())
            .jobClusterKey("etl").build())
        .addTasks(Task.builder().taskKey("report").addDependsOn(TaskDependency.on("ingest"))
            .sparkPythonTask(SparkPythonTask.builder().pythonFile("dbfs:/etl/report.py").addParameters("--month").build())
            .existingClusterId("0101-abc").timeoutSeconds(600).maxRetries(2).build())
        .addTasks(Task.builder().taskKey("wheel").addDependsOn(TaskDependency.on("ingest"))
            .pythonWheelTask(PythonWheelTask.builder().packageName("bir").entryPoint("main").build())
            .newCluster(ClusterSpec.builder().sparkVersion("15.4.x-scala2.12").nodeTypeId("i3.xlarge")
                .autoscale(Autoscale.builder().minWorkers(1).maxWorkers(4).build()).build())
            .build())
        .addTasks(Task.builder().taskKey("totals").addDependsOn(TaskDependency.on("report"))
            .sqlTask(SqlTask.builder().warehouseId("wh1").query(SqlTaskQuery.builder().queryId("q1").build()).build())
            .runIf("ALL_DONE").build())
        .addTasks(Task.builder().taskKey("downstream").addDependsOn(TaskDependency.on("totals"))
            .runJobTask(RunJobTask.builder().jobId(77).putJobParameters("month", "2026-02").build()).build())
        .addJobClusters(JobCluster.of("etl", ClusterSpec.builder().sparkVersion("15.4.x-scala2.12")
            .nodeTypeId("i3.xlarge").numWorkers(2).putSparkConf("spark.sql.shuffle.partitions", "8").build()))
        .schedule(CronSchedule.builder().quartzCronExpression("0 0 2 1 * ?").timezoneId("Asia/Manila")
            .pauseStatus("UNPAUSED").build())
        .emailNotifications(EmailNotifications.builder().addOnFailure("tax@example.com").build())
        .maxConcurrentRuns(1)
        .addParameters(JobParameterDefinition.of("month", "2026-01"))
        .putTags("team", "tax")
        .build();
  }

  static final String MONTH_END_JSON = "{'name': 'BIR Month-End ETL', 'tasks': ["
      + "{'task_key': 'ingest', 'notebook_task': {'notebook_path': '/Shared/bronze_ingestion',"
      + "  'base_parameters': {'source': 'erp'}}, 'job_cluster_key': 'etl'},"
      + "{'task_key': 'report', 'depends_on': [{'task_key': 'ingest'}], 'existing_cluster_id': '0101-abc',"
      + "  'spark_python_task': {'python_file': 'dbfs:/etl/report.py', 'parameters': ['--month']},"
      + "  'timeout_seconds': 600, 'max_retries': 2},"
      + "{'task_key': 'wheel', 'depends_on': [{'task_key': 'ingest'}], 'new_cluster': {'spark_version': '15.4.x-scala2.12',"
      + "  'node_type_id': 'i3.xlarge', 'autoscale': {'min_workers': 1, 'max_workers': 4}},"
      + "  'python_wheel_task': {'package_name': 'bir', 'entry_point': 'main'}},"
      + "{'task_key': 'totals', 'depends_on': [{'task_key': 'report'}], 'run_if': 'ALL_DONE',"
      + "  'sql_task': {'warehouse_id': 'wh1', 'query': {'query_id': 'q1'}}},"
      + "{'task_key': 'downstream', 'depends_on': [{'task_key': 'totals'}],"
      + "  'run_job_task': {'job_id': 77, 'job_parameters': {'month': '2026-02'}}}],"
      + " 'job_clusters': [{'job_cluster_key': 'etl', 'new_cluster': {'spark_version': '15.4.x-scala2.12',"
      + "  'node_type_id': 'i3.xlarge', 'num_workers': 2, 'spark_conf': {'spark.sql.shuffle.partitions': '8'}}}],"
      + " 'parameters': [{'name': 'month', 'default': '2026-01'}],"
      + " 'schedule': {'quartz_cron_expression': '0 0 2 1 * ?', 'timezone_id': 'Asia/Manila', 'pause_status': 'UNPAUSED'},"
      + " 'max_concurrent_runs': 1, 'email_notifications': {'on_failure': ['tax@example.com']},"
      + " 'tags': {'team': 'tax'}}";

  @Test
  void createSendsTheWholeSettingsAndReturnsTheJobId() {
    server.enqueue(ok("{'job_id': 3000000001}"));

    long id = jobs.create(monthEnd());

    expectJsonPost(server, "/api/2.2/jobs/create", MONTH_END_JSON);
    assertEquals(3_000_000_001L, id);
  }

  @Test
  void getReadsTheSettingsBack() {
    server.enqueue(ok("{'job_id': 42, 'created_time': 1767225600000, 'creator_user_name': 'ana@example.com',"
        + " 'run_as_user_name': 'ana@example.com', 'settings': " + MONTH_END_JSON + ", 'new_field': 1}"));

    Job job = jobs.get(42);

    expectGet(server, "/api/2.2/jobs/get?job_id=42");
    assertEquals(42, job.jobId());
    assertEquals(Optional.of("BIR Month-End ETL"), job.name());
    assertEquals(Optional.of(Instant.parse("2026-01-01T00:00:00Z")), job.createdAt());
    assertEquals(monthEnd(), job.settings().orElseThrow());
    assertEquals(Optional.empty(), job.nextPageToken());
  }

  @Test
  void listSendsLimitNameAndExpandTasksAndFollowsTokens() {
    server.enqueue(ok("{'jobs': [{'job_id': 1, 'settings': {'name': 'Nightly'}}], 'has_more': true,"
        + " 'next_page_token': 'p2'}"));
    server.enqueue(ok("{'jobs': [{'job_id': 2, 'settings': {'name': 'nightly'}, 'has_more': true}], 'has_more': false}"));

    List<Job> all = jobs.list(JobListFilter.builder().name("nightly").expandTasks(true).pageSize(10).build())
        .stream().collect(Collectors.toList());

    expectGet(server, "/api/2.2/jobs/list?limit=10&name=nightly&expand_tasks=true");
    expectGet(server, "/api/2.2/jobs/list?limit=10&name=nightly&expand_tasks=true&page_token=p2");
    assertEquals(List.of(1L, 2L), all.stream().map(Job::jobId).collect(Collectors.toList()));
    assertEquals(Optional.of(true), all.get(1).hasMore());
  }

  @Test
  void listIsLazyAndReadsAnEmptyWorkspace() {
    var listing = jobs.list();
    assertEquals(0, server.getRequestCount(), "nothing is sent before iteration");
    server.enqueue(ok("{'has_more': false}"));

    assertFalse(listing.iterator().hasNext());
    expectGet(server, "/api/2.2/jobs/list?limit=100");
  }

  @Test
  void resetReplacesTheSettings() {
    server.enqueue(ok("{}"));

    jobs.reset(42, monthEnd());

    expectJsonPost(server, "/api/2.2/jobs/reset", "{'job_id': 42, 'new_settings': " + MONTH_END_JSON + "}");
  }

  @Test
  void updateSendsOnlyWhatChangesAndTheFieldsToRemove() {
    server.enqueue(ok("{}"));
    server.enqueue(ok("{}"));

    jobs.update(42, JobSettings.builder().maxConcurrentRuns(3).build(), List.of("tasks/wheel", "schedule"));
    jobs.update(42, JobSettings.builder().name("Renamed").build());

    expectJsonPost(server, "/api/2.2/jobs/update", "{'job_id': 42, 'new_settings': {'max_concurrent_runs': 3},"
        + " 'fields_to_remove': ['tasks/wheel', 'schedule']}");
    expectJsonPost(server, "/api/2.2/jobs/update", "{'job_id': 42, 'new_settings': {'name': 'Renamed'}}");
  }

  @Test
  void deleteJob() {
    server.enqueue(ok("{}"));

    jobs.delete(42);

    expectJsonPost(server, "/api/2.2/jobs/delete", "{'job_id': 42}");
  }

  @Test
  void runNowSendsEveryParamsKindAndAGeneratedToken() {
    server.enqueue(ok("{'run_id': 9000000001, 'number_in_job': 7}"));

    RunHandle handle = jobs.runNow(RunNowRequest.builder().jobId(42)
        .putJobParameters("month", "2026-02")
        .putNotebookParams("agency", "BIR")
        .addPythonParams("--fast")
        .putSqlParams("year", "2026")
        .addOnly("ingest")
        .build());

    RecordedRequest r = expectJsonPostIgnoringToken("/api/2.2/jobs/run-now", "{'job_id': 42,"
        + " 'job_parameters': {'month': '2026-02'}, 'notebook_params': {'agency': 'BIR'},"
        + " 'python_params': ['--fast'], 'sql_params': {'year': '2026'}, 'only': ['ingest']}");
    String token = dev.kiln.core.testing.Wire.bodyTree(r).path("idempotency_token").asText();
    assertTrue(token.length() > 0 && token.length() <= 64, token);
    assertEquals(9_000_000_001L, handle.runId());
    assertEquals("9000000001", handle.id());
    handle.resultAsync().cancel(true); // not under test here; stops the poller
  }

  @Test
  void runNowKeepsTheCallersToken() {
    server.enqueue(ok("{'run_id': 5}"));

    RunHandle handle = jobs.runNow(RunNowRequest.builder().jobId(42).idempotencyToken("month-end-2026-02").build());

    expectJsonPost(server, "/api/2.2/jobs/run-now", "{'job_id': 42, 'idempotency_token': 'month-end-2026-02'}");
    handle.resultAsync().cancel(true);
  }

  @Test
  void submitSendsAOneTimeRunWithAToken() {
    server.enqueue(ok("{'run_id': 6}"));

    RunHandle handle = jobs.submit(SubmitRunRequest.builder().runName("adhoc")
        .addTasks(Task.builder().taskKey("t").notebookTask(NotebookTask.of("/Shared/x")).existingClusterId("c1").build())
        .timeoutSeconds(3600).build());

    expectJsonPostIgnoringToken("/api/2.2/jobs/runs/submit", "{'run_name': 'adhoc', 'timeout_seconds': 3600,"
        + " 'tasks': [{'task_key': 't', 'existing_cluster_id': 'c1', 'notebook_task': {'notebook_path': '/Shared/x'}}]}");
    assertEquals(6, handle.runId());
    handle.resultAsync().cancel(true);
  }

  static final String RUN_JSON = "{'run_id': 11, 'job_id': 42, 'run_name': 'BIR Month-End ETL', 'number_in_job': 11,"
      + " 'attempt_number': 0, 'run_page_url': 'https://ws.example/#job/42/run/11', 'trigger': 'ONE_TIME',"
      + " 'run_type': 'JOB_RUN', 'start_time': 1767225600000, 'end_time': 1767225660000, 'run_duration': 60000,"
      + " 'state': {'life_cycle_state': 'TERMINATED', 'result_state': 'SUCCESS', 'state_message': '',"
      + "   'user_cancelled_or_timedout': false},"
      + " 'status': {'state': 'TERMINATED', 'termination_details': {'code': 'SUCCESS', 'type': 'SUCCESS',"
      + "   'message': ''}},"
      + " 'tasks': [{'run_id': 12, 'task_key': 'ingest', 'state': {'life_cycle_state': 'TERMINATED',"
      + "   'result_state': 'SUCCESS'}, 'notebook_task': {'notebook_path': '/Shared/bronze_ingestion'}},"
      + "  {'run_id': 13, 'task_key': 'report', 'depends_on': [{'task_key': 'ingest'}],"
      + "   'state': {'life_cycle_state': 'TERMINATED', 'result_state': 'SUCCESS'}}],"
      + " 'job_parameters': [{'name': 'month', 'default': '2026-01', 'value': '2026-02'}],"
      + " 'cluster_instance': {'cluster_id': '0101-abc'}}";

  @Test
  void getRunReadsStateStatusTasksAndParameters() {
    server.enqueue(ok(RUN_JSON));

    Run run = jobs.getRun(11);

    expectGet(server, "/api/2.2/jobs/runs/get?run_id=11");
    assertEquals(RunLifeCycleState.TERMINATED, run.lifeCycleState());
    assertEquals(Optional.of(RunResultState.SUCCESS), run.resultState());
    assertEquals(RunType.JOB_RUN, run.runType());
    assertEquals(Optional.of(Instant.parse("2026-01-01T00:01:00Z")), run.endedAt());
    assertEquals(List.of("ingest", "report"), run.tasks().stream().map(t -> t.taskKey()).collect(Collectors.toList()));
    assertEquals(13, run.task("report").orElseThrow().runId());
    assertEquals(Optional.of("2026-02"), run.jobParameters().get(0).value());
    assertEquals(Optional.of("0101-abc"), run.clusterInstance().orElseThrow().clusterId());
  }

  @Test
  void listRunsSendsEveryFilter() {
    server.enqueue(ok("{'runs': [" + RUN_JSON + "], 'has_more': false, 'next_page_token': 'ignored'}"));

    List<Run> runs = jobs.listRuns(RunListFilter.builder().jobId(42).activeOnly(true).runType(RunType.JOB_RUN)
        .startTimeFrom(Instant.ofEpochMilli(1000)).startTimeTo(Instant.ofEpochMilli(2000)).expandTasks(true)
        .pageSize(5).build()).stream().collect(Collectors.toList());

    expectGet(server, "/api/2.2/jobs/runs/list?job_id=42&active_only=true&run_type=JOB_RUN&start_time_from=1000"
        + "&start_time_to=2000&expand_tasks=true&limit=5");
    assertEquals(1, runs.size());
    assertEquals(1, server.getRequestCount(), "has_more=false ends the listing even with a token");
  }

  @Test
  void listRunsPagesLazily() {
    server.enqueue(ok("{'runs': [{'run_id': 3}, {'run_id': 2}], 'has_more': true, 'next_page_token': 't2'}"));
    server.enqueue(ok("{'runs': [{'run_id': 1}], 'has_more': false}"));

    var it = jobs.listRuns(RunListFilter.builder().completedOnly(true).build()).iterator();
    assertEquals(3, it.next().runId());
    assertEquals(1, server.getRequestCount(), "the second page is fetched only when needed");
    it.next();
    assertEquals(1, it.next().runId());
    assertFalse(it.hasNext());

    expectGet(server, "/api/2.2/jobs/runs/list?completed_only=true&limit=25");
    expectGet(server, "/api/2.2/jobs/runs/list?completed_only=true&limit=25&page_token=t2");
  }

  @Test
  void cancelCancelAllAndDeleteRun() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(ok("{}"));
    }

    jobs.cancelRun(11);
    jobs.cancelAllRuns(42);
    jobs.cancelAllQueuedRuns();
    jobs.deleteRun(11);

    expectJsonPost(server, "/api/2.2/jobs/runs/cancel", "{'run_id': 11}");
    expectJsonPost(server, "/api/2.2/jobs/runs/cancel-all", "{'job_id': 42}");
    expectJsonPost(server, "/api/2.2/jobs/runs/cancel-all", "{'all_queued_runs': true}");
    expectJsonPost(server, "/api/2.2/jobs/runs/delete", "{'run_id': 11}");
  }

  @Test
  void getRunOutputReadsResultErrorTraceAndLogs() {
    server.enqueue(ok("{'metadata': {'run_id': 12, 'task_key': 'ingest'},"
        + " 'notebook_output': {'result': '1234 rows', 'truncated': false},"
        + " 'logs': 'line 1\\nline 2', 'logs_truncated': true, 'error': 'ZeroDivisionError: division by zero',"
        + " 'error_trace': 'Traceback ...'}"));

    RunOutput out = jobs.getRunOutput(12);

    expectGet(server, "/api/2.2/jobs/runs/get-output?run_id=12");
    assertEquals(Optional.of("1234 rows"), out.notebookResult());
    assertEquals(Optional.of("line 1\nline 2"), out.logs());
    assertEquals(Optional.of(true), out.logsTruncated());
    assertEquals(Optional.of("ZeroDivisionError: division by zero"), out.error());
    assertEquals(Optional.of("Traceback ..."), out.errorTrace());
    assertEquals(12, out.metadata().orElseThrow().runId());
  }

  @Test
  void repairRunSendsTheTasksAndReturnsTheRepairId() {
    server.enqueue(ok("{'repair_id': 734650698524280}"));
    server.enqueue(ok("{'repair_id': 734650698524281}"));

    long first = jobs.repairRun(RepairRunRequest.builder().runId(11).addRerunTasks("report")
        .rerunDependentTasks(true).putJobParameters("month", "2026-02").build());
    long second = jobs.repairRun(RepairRunRequest.builder().runId(11).rerunAllFailedTasks(true)
        .latestRepairId(first).build());

    expectJsonPost(server, "/api/2.2/jobs/runs/repair", "{'run_id': 11, 'rerun_tasks': ['report'],"
        + " 'rerun_dependent_tasks': true, 'job_parameters': {'month': '2026-02'}}");
    expectJsonPost(server, "/api/2.2/jobs/runs/repair", "{'run_id': 11, 'rerun_all_failed_tasks': true,"
        + " 'latest_repair_id': 734650698524280}");
    assertEquals(734650698524281L, second);
  }

  @Test
  void asyncTwinsReturnTheSameResults() throws Exception {
    server.enqueue(ok("{'job_id': 8}"));
    server.enqueue(ok(RUN_JSON));
    server.enqueue(ok("{'notebook_output': {'result': 'r'}}"));

    assertEquals(8L, jobs.createAsync(monthEnd()).get());
    assertEquals(11, jobs.getRunAsync(11).get().runId());
    assertEquals(Optional.of("r"), jobs.getRunOutputAsync(12).get().notebookResult());
    assertEquals(Map.of(), Map.of());
  }

  private RecordedRequest expectJsonPostIgnoringToken(String path, String singleQuotedJson) {
    RecordedRequest r = dev.kiln.core.testing.Wire.expect(server, "POST", path);
    var body = (com.fasterxml.jackson.databind.node.ObjectNode) dev.kiln.core.testing.Wire.bodyTree(r);
    assertTrue(body.has("idempotency_token"), "a generated idempotency_token");
    var withoutToken = body.deepCopy();
    withoutToken.remove("idempotency_token");
    assertEquals(dev.kiln.core.testing.Wire.tree(singleQuotedJson), withoutToken);
    return r;
  }
}
