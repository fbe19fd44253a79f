package dev.kiln.jobs;

import static dev.kiln.core.testing.Wire.expectGet;
import static dev.kiln.core.testing.Wire.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kiln.jobs.model.Job;
import dev.kiln.jobs.model.Run;
import dev.kiln.jobs.model.RunTask;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Jobs 2.2 pages the arrays of get and runs/get (100 per page); the client follows and merges them. */
class PagingTest extends JobsTestBase {
  @Test
  void getRunFollowsNextPageTokenAndAppendsTasksIterationsAndParameters() {
    server.enqueue(ok("{'run_id': 11, 'state': {'life_cycle_state': 'RUNNING'}, 'next_page_token': 'p2',"
        + " 'tasks': [{'run_id': 1, 'task_key': 'a'}, {'run_id': 2, 'task_key': 'b'}],"
        + " 'job_parameters': [{'name': 'month', 'value': '2026-02'}], 'repair_history': [{'id': 1}]}"));
    server.enqueue(ok("{'run_id': 11, 'next_page_token': 'p3', 'tasks': [{'run_id': 3, 'task_key': 'c'}],"
        + " 'repair_history': [{'id': 2}]}"));
    server.enqueue(ok("{'run_id': 11, 'next_page_token': '', 'iterations': [{'run_id': 4, 'task_key': 'each'}]}"));

    Run run = jobs.getRun(11);

    expectGet(server, "/api/2.2/jobs/runs/get?run_id=11");
    expectGet(server, "/api/2.2/jobs/runs/get?run_id=11&page_token=p2");
    expectGet(server, "/api/2.2/jobs/runs/get?run_id=11&page_token=p3");
    assertEquals(List.of(1L, 2L, 3L), run.tasks().stream().map(RunTask::runId).collect(Collectors.toList()));
    assertEquals(List.of(4L), run.iterations().stream().map(RunTask::runId).collect(Collectors.toList()));
    assertEquals(1, run.jobParameters().size());
    assertEquals(2, run.repairHistory().size());
    assertEquals(Optional.empty(), run.nextPageToken(), "the merged run carries no token");
    assertEquals("RUNNING", run.rawLifeCycleState().orElseThrow(), "the first page's state is kept");
  }

  @Test
  void aRepeatedTokenStopsInsteadOfLoopingForever() {
    server.enqueue(ok("{'run_id': 11, 'next_page_token': 'same', 'tasks': [{'run_id': 1, 'task_key': 'a'}]}"));
    server.enqueue(ok("{'run_id': 11, 'next_page_token': 'same', 'tasks': [{'run_id': 2, 'task_key': 'b'}]}"));

    Run run = jobs.getRun(11);

    assertEquals(2, run.tasks().size());
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void getJobMergesTasksJobClustersAndParametersAcrossPages() {
    server.enqueue(ok("{'job_id': 42, 'next_page_token': 'p2', 'settings': {'name': 'big',"
        + " 'tasks': [{'task_key': 'a', 'notebook_task': {'notebook_path': '/a'}}],"
        + " 'job_clusters': [{'job_cluster_key': 'x', 'new_cluster': {'num_workers': 1}}],"
        + " 'parameters': [{'name': 'p1', 'default': '1'}]}}"));
    server.enqueue(ok("{'job_id': 42, 'settings': {"
        + " 'tasks': [{'task_key': 'b', 'notebook_task': {'notebook_path': '/b'}}],"
        + " 'job_clusters': [{'job_cluster_key': 'y', 'new_cluster': {'num_workers': 2}}],"
        + " 'parameters': [{'name': 'p2', 'default': '2'}]}}"));

    Job job = jobs.get(42);

    expectGet(server, "/api/2.2/jobs/get?job_id=42");
    expectGet(server, "/api/2.2/jobs/get?job_id=42&page_token=p2");
    assertEquals(List.of("a", "b"), job.tasks().stream().map(t -> t.taskKey()).collect(Collectors.toList()));
    assertEquals(2, job.settings().orElseThrow().jobClusters().size());
    assertEquals(2, job.settings().orElseThrow().parameters().size());
    assertEquals(Optional.of("big"), job.name());
  }

  @Test
  void emptyListsMayArriveAsAnEmptyObject() {
    server.enqueue(ok("{}"));
    assertEquals(0, jobs.listRuns().stream().count());
  }
}
