package dev.kiln.mlflow;

import static dev.kiln.core.testing.Wire.error;
import static dev.kiln.core.testing.Wire.expectGet;
import static dev.kiln.core.testing.Wire.expectJsonPost;
import static dev.kiln.core.testing.Wire.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kiln.core.error.ResourceAlreadyExistsException;
import dev.kiln.core.error.ResourceDoesNotExistException;
import dev.kiln.mlflow.model.CreateExperimentRequest;
import dev.kiln.mlflow.model.Experiment;
import dev.kiln.mlflow.model.ExperimentSearch;
import dev.kiln.mlflow.model.LifecycleStage;
import dev.kiln.mlflow.model.Tag;
import dev.kiln.mlflow.model.ViewType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ExperimentsTest extends MlflowTestBase {
  private static final String EXPERIMENT = "{'experiment': {'experiment_id': '7', 'name': '/Users/ana@bir.gov.ph/forecasting',"
      + " 'artifact_location': 'dbfs:/databricks/mlflow-tracking/7', 'lifecycle_stage': 'active',"
      + " 'creation_time': 1767225600000, 'last_update_time': 1767225600000, 'tags': [{'key': 'team', 'value': 'tax'}]}}";

  @Test
  void createSendsNameArtifactLocationAndTagsAndReturnsTheId() {
    server.enqueue(ok("{'experiment_id': '7'}"));

    String id = mlflow.createExperiment(CreateExperimentRequest.builder()
        .name("/Users/ana@bir.gov.ph/forecasting")
        .artifactLocation("dbfs:/mnt/ml/forecasting")
        .addTags(Tag.of("team", "tax"))
        .build());

    assertEquals("7", id);
    expectJsonPost(server, "/api/2.0/mlflow/experiments/create", "{'name': '/Users/ana@bir.gov.ph/forecasting',"
        + " 'artifact_location': 'dbfs:/mnt/ml/forecasting', 'tags': [{'key': 'team', 'value': 'tax'}]}");
  }

  @Test
  void createByNameAloneSendsAnEmptyTagList() {
    server.enqueue(ok("{'experiment_id': '8'}"));

    assertEquals("8", mlflow.createExperiment("/Shared/x"));

    expectJsonPost(server, "/api/2.0/mlflow/experiments/create", "{'name': '/Shared/x', 'tags': []}");
  }

  @Test
  void aTakenNameIsTheTypedAlreadyExistsError() {
    server.enqueue(error(400, "{'error_code': 'RESOURCE_ALREADY_EXISTS', 'message': 'Experiment already exists.'}"));

    assertThrows(ResourceAlreadyExistsException.class, () -> mlflow.createExperiment("/Shared/x"));
  }

  @Test
  void getAndGetByNameReadTheExperiment() throws Exception {
    server.enqueue(ok(EXPERIMENT));
    server.enqueue(ok(EXPERIMENT));

    Experiment byId = mlflow.getExperiment("7");
    Experiment byName = mlflow.getExperimentByNameAsync("/Users/ana@bir.gov.ph/forecasting").get();

    expectGet(server, "/api/2.0/mlflow/experiments/get?experiment_id=7");
    expectGet(server, "/api/2.0/mlflow/experiments/get-by-name?experiment_name=%2FUsers%2Fana%40bir.gov.ph%2Fforecasting");
    assertEquals(byId, byName);
    assertEquals("/Users/ana@bir.gov.ph/forecasting", byId.name());
    assertEquals(LifecycleStage.ACTIVE, byId.lifecycleStage());
    assertEquals(Optional.of("dbfs:/databricks/mlflow-tracking/7"), byId.artifactLocation());
    assertEquals(Map.of("team", "tax"), byId.tagMap());
    assertEquals(Optional.of(Instant.parse("2026-01-01T00:00:00Z")), byId.createdAt());
  }

  @Test
  void aMissingExperimentIsResourceDoesNotExist() {
    server.enqueue(error(404, "{'error_code': 'RESOURCE_DOES_NOT_EXIST', 'message': 'No experiment'}"));

    assertThrows(ResourceDoesNotExistException.class, () -> mlflow.getExperiment("404"));
  }

  @Test
  void searchIsLazyAndFollowsPageTokensWithTheSameFilter() {
    server.enqueue(ok("{'experiments': [{'experiment_id': '1', 'name': '/a'}, {'experiment_id': '2', 'name': '/b'}],"
        + " 'next_page_token': 'p2'}"));
    server.enqueue(ok("{'experiments': [{'experiment_id': '3', 'name': '/c', 'lifecycle_stage': 'deleted'}]}"));

    var search = mlflow.searchExperiments(ExperimentSearch.builder()
        .filter("name LIKE '/%'").addOrderBy("name ASC").viewType(ViewType.ALL).build());
    assertEquals(0, server.getRequestCount(), "nothing is fetched before iteration");
    List<String> ids = search.stream().map(Experiment::experimentId).collect(Collectors.toList());

    assertEquals(List.of("1", "2", "3"), ids);
    expectJsonPost(server, "/api/2.0/mlflow/experiments/search",
        "{'filter': \"name LIKE '/%'\", 'max_results': 1000, 'order_by': ['name ASC'], 'view_type': 'ALL'}");
    expectJsonPost(server, "/api/2.0/mlflow/experiments/search",
        "{'filter': \"name LIKE '/%'\", 'max_results': 1000, 'order_by': ['name ASC'], 'page_token': 'p2', 'view_type': 'ALL'}");
  }

  @Test
  void searchWithTheDefaultsAsksForActiveExperimentsInPagesOfTheOptionsSize() {
    MlflowClient small = MlflowClient.create(db, MlflowOptions.builder().pageSize(2).build());
    server.enqueue(ok("{}"));

    assertEquals(0, small.searchExperiments(ExperimentSearch.all()).stream().count());

    expectJsonPost(server, "/api/2.0/mlflow/experiments/search", "{'max_results': 2, 'view_type': 'ACTIVE_ONLY'}");
  }

  @Test
  void updateDeleteAndRestoreSendTheId() throws Exception {
    for (int i = 0; i < 3; i++) {
      server.enqueue(ok("{}"));
    }

    mlflow.updateExperiment("7", "/Shared/renamed");
    mlflow.deleteExperimentAsync("7").get();
    mlflow.restoreExperiment("7");

    expectJsonPost(server, "/api/2.0/mlflow/experiments/update", "{'experiment_id': '7', 'new_name': '/Shared/renamed'}");
    expectJsonPost(server, "/api/2.0/mlflow/experiments/delete", "{'experiment_id': '7'}");
    expectJsonPost(server, "/api/2.0/mlflow/experiments/restore", "{'experiment_id': '7'}");
  }
}
