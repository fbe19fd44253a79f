package dev.kiln.mlflow;

import static dev.kiln.core.testing.Wire.expect;
import static dev.kiln.core.testing.Wire.expectGet;
import static dev.kiln.core.testing.Wire.expectJson;
import static dev.kiln.core.testing.Wire.expectJsonPost;
import static dev.kiln.core.testing.Wire.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.error.OperationTimeoutException;
import dev.kiln.mlflow.model.CreateModelVersionRequest;
import dev.kiln.mlflow.model.CreateRegisteredModelRequest;
import dev.kiln.mlflow.model.ModelStage;
import dev.kiln.mlflow.model.ModelVersion;
import dev.kiln.mlflow.model.ModelVersionStatus;
import dev.kiln.mlflow.model.RegisteredModel;
import dev.kiln.mlflow.model.RegistrySearch;
import dev.kiln.mlflow.model.Tag;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RegistryTest extends MlflowTestBase {
  private static final String MODEL = "bir_tax_forecaster";

  private static String version(String status, String stage) {
    return "{'model_version': " + versionBody(status, stage) + "}";
  }

  private static String versionBody(String status, String stage) {
    return "{'name': 'bir_tax_forecaster', 'version': '1', 'source': 'runs:/r1/model', 'run_id': 'r1',"
        + " 'status': '" + status + "', 'current_stage': '" + stage + "', 'status_message': 'copy failed: no artifacts'}";
  }

  @Test
  void createModelSendsNameDescriptionAndTags() {
    server.enqueue(ok("{'registered_model': {'name': 'bir_tax_forecaster', 'creation_timestamp': 1}}"));
    server.enqueue(ok("{'registered_model': {'name': 'other'}}"));

    RegisteredModel model = mlflow.createRegisteredModel(CreateRegisteredModelRequest.builder().name(MODEL)
        .description("Monthly withholding tax forecast").addTags(Tag.of("team", "tax")).build());
    mlflow.createRegisteredModel("other");

    assertEquals(MODEL, model.name());
    expectJsonPost(server, "/api/2.0/mlflow/registered-models/create", "{'name': 'bir_tax_forecaster',"
        + " 'description': 'Monthly withholding tax forecast', 'tags': [{'key': 'team', 'value': 'tax'}]}");
    expectJsonPost(server, "/api/2.0/mlflow/registered-models/create", "{'name': 'other', 'tags': []}");
  }

  @Test
  void getUsesTheDatabricksPathAndReadsLatestVersionsPerStage() {
    server.enqueue(ok("{'registered_model_databricks': {'name': 'bir_tax_forecaster', 'id': 'abc',"
        + " 'permission_level': 'CAN_MANAGE', 'latest_versions': [" + versionBody("READY", "Production") + ","
        + " {'name': 'bir_tax_forecaster', 'version': '2', 'current_stage': 'None'}]}}"));

    RegisteredModel model = mlflow.getRegisteredModel(MODEL);

    expectGet(server, "/api/2.0/mlflow/databricks/registered-models/get?name=bir_tax_forecaster");
    assertEquals(Optional.of("abc"), model.id());
    assertEquals(Optional.of("1"), model.latestVersion(ModelStage.PRODUCTION).map(ModelVersion::version));
    assertEquals(Optional.of("2"), model.latestVersion(ModelStage.NONE).map(ModelVersion::version));
    assertEquals(Optional.empty(), model.latestVersion(ModelStage.STAGING));
  }

  @Test
  void searchModelsIsALazyGetWithRepeatedOrderBy() {
    server.enqueue(ok("{'registered_models': [{'name': 'a'}], 'next_page_token': 'n'}"));
    server.enqueue(ok("{'registered_models': [{'name': 'b'}]}"));

    var models = mlflow.searchRegisteredModels(RegistrySearch.builder().filter("name LIKE 'bir%'")
        .addOrderBy("name ASC", "last_updated_timestamp DESC").build());
    assertEquals(0, server.getRequestCount());

    assertEquals(List.of("a", "b"), models.stream().map(RegisteredModel::name).collect(Collectors.toList()));
    String query = "filter=name%20LIKE%20%27bir%25%27&max_results=1000&order_by=name%20ASC&order_by=last_updated_timestamp%20DESC";
    expectGet(server, "/api/2.0/mlflow/registered-models/search?" + query);
    expectGet(server, "/api/2.0/mlflow/registered-models/search?" + query + "&page_token=n");
  }

  @Test
  void renameUpdateAndDelete() {
    server.enqueue(ok("{'registered_model': {'name': 'new_name'}}"));
    server.enqueue(ok("{}"));
    server.enqueue(ok("{}"));

    assertEquals("new_name", mlflow.renameRegisteredModel(MODEL, "new_name").name());
    mlflow.updateRegisteredModel("new_name", "v2 of the forecast");
    mlflow.deleteRegisteredModel("new_name");

    expectJsonPost(server, "/api/2.0/mlflow/registered-models/rename", "{'name': 'bir_tax_forecaster', 'new_name': 'new_name'}");
    expectJson(server, "PATCH", "/api/2.0/mlflow/registered-models/update", "{'name': 'new_name', 'description': 'v2 of the forecast'}");
    expectJson(server, "DELETE", "/api/2.0/mlflow/registered-models/delete?name=new_name", null);
  }

  @Test
  void createVersionReturnsAHandleThatPollsUntilReady() {
    server.enqueue(ok(version("PENDING_REGISTRATION", "None")));
    server.enqueue(ok(version("PENDING_REGISTRATION", "None")));
    server.enqueue(ok(version("READY", "None")));
    List<String> seen = Collections.synchronizedList(new ArrayList<>());

    ModelVersionHandle handle = mlflow.createModelVersion(CreateModelVersionRequest.builder().name(MODEL)
        .source("runs:/r1/model").runId("r1").build());
    handle.addListener(v -> seen.add(v.rawStatus().orElse("?")));
    ModelVersion ready = handle.await();

    assertEquals("bir_tax_forecaster/1", handle.id());
    assertEquals("1", handle.version());
    assertEquals(ModelVersionStatus.READY, ready.status());
    assertEquals(ModelVersionStatus.READY, handle.status());
    assertEquals(List.of("PENDING_REGISTRATION", "READY"), seen);
    assertEquals(List.of(Duration.ofMillis(500), Duration.ofMillis(750)), sleeper.sleeps());
    expectJsonPost(server, "/api/2.0/mlflow/model-versions/create",
        "{'name': 'bir_tax_forecaster', 'source': 'runs:/r1/model', 'run_id': 'r1', 'tags': []}");
    expectGet(server, "/api/2.0/mlflow/model-versions/get?name=bir_tax_forecaster&version=1");
    expectGet(server, "/api/2.0/mlflow/model-versions/get?name=bir_tax_forecaster&version=1");
  }

  @Test
  void aFailedRegistrationFailsTheHandleWithTheServersMessage() {
    server.enqueue(ok(version("PENDING_REGISTRATION", "None")));
    server.enqueue(ok(version("FAILED_REGISTRATION", "None")));

    ModelVersionHandle handle = mlflow.createModelVersion(MODEL, "runs:/r1/model", "r1");
    ModelRegistrationFailedException e = assertThrows(ModelRegistrationFailedException.class, handle::await);

    assertTrue(e.getMessage().contains("copy failed: no artifacts"), e.getMessage());
    assertEquals("bir_tax_forecaster/1", e.operationId());
    assertEquals(ModelVersionStatus.FAILED_REGISTRATION, e.modelVersion().status());
  }

  @Test
  void aVersionAlreadyReadyIsNotPolledAndRegistrationCannotBeCancelled() {
    server.enqueue(ok(version("READY", "None")));

    ModelVersionHandle handle = mlflow.createModelVersion(MODEL, "runs:/r1/model", "r1");

    assertTrue(handle.isDone());
    assertEquals("1", handle.await(Duration.ZERO).version());
    assertThrows(UnsupportedOperationException.class, handle::cancel);
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void waitUntilReadyGivesUpAtTheRegistrationTimeout() {
    MlflowClient impatient = MlflowClient.create(db, MlflowOptions.builder().registrationTimeout(Duration.ofSeconds(1)).build());
    for (int i = 0; i < 5; i++) {
      server.enqueue(ok(version("PENDING_REGISTRATION", "None")));
    }

    ModelVersionHandle handle = impatient.waitUntilReady(MODEL, "1");

    assertThrows(OperationTimeoutException.class, handle::await);
    assertFalse(server.getRequestCount() > 3, "500 + 500 ms: two polls, " + server.getRequestCount());
  }

  @Test
  void getSearchAndDownloadUri() {
    server.enqueue(ok(version("READY", "Staging")));
    server.enqueue(ok("{'model_versions': [" + versionBody("READY", "Staging") + "]}"));
    server.enqueue(ok("{'artifact_uri': 'dbfs:/databricks/mlflow-registry/abc/models/model'}"));

    ModelVersion v = mlflow.getModelVersion(MODEL, "1");
    List<ModelVersion> versions = mlflow.searchModelVersions(RegistrySearch.byName(MODEL)).stream().collect(Collectors.toList());
    String uri = mlflow.getDownloadUri(MODEL, "1");

    assertEquals(ModelStage.STAGING, v.currentStage());
    assertEquals(1, versions.size());
    assertEquals("dbfs:/databricks/mlflow-registry/abc/models/model", uri);
    expectGet(server, "/api/2.0/mlflow/model-versions/get?name=bir_tax_forecaster&version=1");
    expectGet(server, "/api/2.0/mlflow/model-versions/search?filter=name%20%3D%20%27bir_tax_forecaster%27&max_results=1000");
    expectGet(server, "/api/2.0/mlflow/model-versions/get-download-uri?name=bir_tax_forecaster&version=1");
  }

  @Test
  void transitionStageSendsTheWireSpellingAndArchiveFlag() {
    server.enqueue(ok("{'model_version_databricks': " + versionBody("READY", "Production") + "}"));

    ModelVersion v = mlflow.transitionStage(MODEL, "1", ModelStage.PRODUCTION, true);

    assertEquals(ModelStage.PRODUCTION, v.currentStage());
    expectJsonPost(server, "/api/2.0/mlflow/databricks/model-versions/transition-stage",
        "{'name': 'bir_tax_forecaster', 'version': '1', 'stage': 'Production', 'archive_existing_versions': true}");
  }

  @Test
  void anUnknownStageIsKeptRaw() {
    server.enqueue(ok(version("READY", "Canary")));

    ModelVersion v = mlflow.getModelVersion(MODEL, "1");

    assertEquals(ModelStage.UNKNOWN, v.currentStage());
    assertEquals(Optional.of("Canary"), v.rawCurrentStage());
    assertEquals(ModelStage.ARCHIVED, ModelStage.fromWire("archived"));
    expect(server, "GET", "/api/2.0/mlflow/model-versions/get?name=bir_tax_forecaster&version=1");
  }
}
