package dev.kiln.serving;

import static dev.kiln.core.testing.Wire.expectGet;
import static dev.kiln.core.testing.Wire.expectJson;
import static dev.kiln.core.testing.Wire.expectJsonPost;
import static dev.kiln.core.testing.Wire.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.core.testing.Wire;
import dev.kiln.serving.model.EndpointTag;
import dev.kiln.serving.model.HttpFunctionRequest;
import dev.kiln.serving.model.InvocationRequest;
import dev.kiln.serving.model.ServedEntityInput;
import dev.kiln.serving.model.ServingEndpoint;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

/** Config update, tags, logs, permissions, served-model invocation and http_request on the wire. */
class EndpointManagementTest extends ServingTestBase {
  static final String ENDPOINT = "/api/2.0/serving-endpoints/forecaster";

  @Test
  void updateConfigPutsTheEntitiesAndWaitsForTheDeployment() throws Exception {
    server.enqueue(ok("{'name': 'forecaster', 'state': {'ready': 'READY', 'config_update': 'IN_PROGRESS'}}"));
    server.enqueue(ok("{'name': 'forecaster', 'state': {'ready': 'READY', 'config_update': 'NOT_UPDATING'}}"));

    ServingEndpoint done = serving.updateConfig("forecaster", List.of(ServedEntityInput.builder()
        .entityName("main.ml.forecaster").entityVersion("4").workloadSize("Small").scaleToZeroEnabled(true).build()))
        .await();

    assertEquals("forecaster", done.name());
    expectJson(server, "PUT", ENDPOINT + "/config", "{'served_entities': [{'entity_name': 'main.ml.forecaster',"
        + " 'entity_version': '4', 'workload_size': 'Small', 'scale_to_zero_enabled': true}]}");
    expectGet(server, ENDPOINT);
    assertThrows(InvalidRequestException.class, () -> serving.updateConfig("forecaster", List.of()));
  }

  @Test
  void tagsArePatched() throws Exception {
    server.enqueue(ok("{'tags': [{'key': 'team', 'value': 'tax'}]}"));

    List<EndpointTag> tags = serving.updateTags("forecaster", List.of(EndpointTag.of("team", "tax")), List.of("old"));

    assertEquals("team", tags.get(0).key());
    expectJson(server, "PATCH", ENDPOINT + "/tags",
        "{'add_tags': [{'key': 'team', 'value': 'tax'}], 'delete_tags': ['old']}");
  }

  @Test
  void buildLogsAndLogsOfAServedModel() throws Exception {
    server.enqueue(ok("{'logs': 'Step 1/9 : FROM base'}"));
    server.enqueue(ok("{'logs': 'INFO ready'}"));

    assertEquals("Step 1/9 : FROM base", serving.buildLogs("forecaster", "forecaster-4"));
    assertEquals("INFO ready", serving.logsAsync("forecaster", "forecaster-4").get(5, TimeUnit.SECONDS));

    expectGet(server, ENDPOINT + "/served-models/forecaster-4/build-logs");
    expectGet(server, ENDPOINT + "/served-models/forecaster-4/logs");
  }

  @Test
  void permissionsByEndpointId() throws Exception {
    server.enqueue(ok("{'object_id': '/serving-endpoints/abc123', 'access_control_list': []}"));
    server.enqueue(ok("{'object_id': '/serving-endpoints/abc123', 'access_control_list': [{'group_name': 'analysts'}]}"));

    JsonNode now = serving.getPermissions("abc123");
    JsonNode updated = serving.updatePermissions("abc123",
        List.of(Map.of("group_name", "analysts", "permission_level", "CAN_QUERY")));

    assertEquals("/serving-endpoints/abc123", now.path("object_id").asText());
    assertEquals("analysts", updated.at("/access_control_list/0/group_name").asText());
    expectGet(server, "/api/2.0/permissions/serving-endpoints/abc123");
    expectJson(server, "PATCH", "/api/2.0/permissions/serving-endpoints/abc123",
        "{'access_control_list': [{'group_name': 'analysts', 'permission_level': 'CAN_QUERY'}]}");
    assertThrows(InvalidRequestException.class,
        () -> serving.updatePermissions("abc123", List.of(Map.of("group_name", "x"))));
  }

  @Test
  void aServedModelIsCalledOnItsOwnPath() throws Exception {
    server.enqueue(ok("{'predictions': [7]}"));

    serving.query("forecaster", "forecaster-4", InvocationRequest.instances(List.of(1)));

    expectJsonPost(server, "/serving-endpoints/forecaster/served-models/forecaster-4/invocations",
        "{'instances': [1]}");
  }

  @Test
  void httpRequestGoesThroughTheConnection() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).body("{\"id\": 42}").build());

    String body = serving.httpRequest(HttpFunctionRequest.builder().connectionName("github").method("POST")
        .path("/repos/o/r/issues").putHeaders("Accept", "application/json").putParams("per_page", "5")
        .json("{\"title\": \"bug\"}").build());

    assertEquals("{\"id\": 42}", body);
    expectJsonPost(server, "/api/2.0/external-function", "{'connection_name': 'github', 'method': 'POST',"
        + " 'path': '/repos/o/r/issues', 'headers': '{\\\"Accept\\\":\\\"application/json\\\"}',"
        + " 'params': '{\\\"per_page\\\":\\\"5\\\"}', 'json': '{\\\"title\\\": \\\"bug\\\"}'}");
    assertThrows(InvalidRequestException.class, () -> HttpFunctionRequest.builder().connectionName("github")
        .method("FETCH").path("/x").build());
    assertThrows(InvalidRequestException.class, () -> HttpFunctionRequest.builder().connectionName("github")
        .method("GET").path("x").build());
  }
}
