package dev.kiln.serving;

import static dev.kiln.core.testing.Wire.expectGet;
import static dev.kiln.core.testing.Wire.expectJson;
import static dev.kiln.core.testing.Wire.expectJsonPost;
import static dev.kiln.core.testing.Wire.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.core.testing.Wire;
import dev.kiln.serving.model.EndpointTag;
import dev.kiln.serving.model.HttpFunctionRequest;
import dev.kiln.serving.model.InvocationRequest;
import dev.kiln.serving.model.ServedEntityInput;
import dev.kiln.serving.model.ServingEndpoint;
import dev.kiln.serving.model.ServingEndpointAccessControl;
import dev.kiln.serving.model.ServingEndpointAccessControlRequest;
import dev.kiln.serving.model.ServingEndpointPermission;
import dev.kiln.serving.model.ServingEndpointPermissionLevel;
import dev.kiln.serving.model.ServingEndpointPermissions;
import java.util.List;
import java.util.concurrent.ExecutionException;
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
  void permissionsAreReadTyped() throws Exception {
    server.enqueue(ok("{'object_id': '/serving-endpoints/abc123', 'object_type': 'serving-endpoint',"
        + " 'access_control_list': [{'user_name': 'ana@corp.ph', 'display_name': 'Ana',"
        + " 'all_permissions': [{'permission_level': 'CAN_MANAGE', 'inherited': false}]},"
        + " {'group_name': 'admins', 'all_permissions': [{'permission_level': 'CAN_OWN_EVERYTHING', 'inherited': true,"
        + " 'inherited_from_object': ['/serving-endpoints/']}]}]}"));

    ServingEndpointPermissions now = serving.getPermissions("abc123");

    expectGet(server, "/api/2.0/permissions/serving-endpoints/abc123");
    assertEquals("/serving-endpoints/abc123", now.objectId().orElseThrow());
    assertEquals("serving-endpoint", now.objectType().orElseThrow());
    ServingEndpointAccessControl ana = now.find("ana@corp.ph").orElseThrow();
    assertEquals("Ana", ana.displayName().orElseThrow());
    assertEquals(ServingEndpointPermissionLevel.CAN_MANAGE, ana.allPermissions().get(0).permissionLevel());
    assertFalse(ana.allPermissions().get(0).inherited());
    ServingEndpointPermission admins = now.find("admins").orElseThrow().allPermissions().get(0);
    assertEquals(ServingEndpointPermissionLevel.UNKNOWN, admins.permissionLevel());
    assertEquals("CAN_OWN_EVERYTHING", admins.rawPermissionLevel().orElseThrow());
    assertTrue(admins.inherited());
    assertEquals(List.of("/serving-endpoints/"), admins.inheritedFromObject());
  }

  @Test
  void updatePatchesAndSetPutsTheAccessControlList() throws Exception {
    server.enqueue(ok("{'object_id': '/serving-endpoints/abc123', 'access_control_list': [{'group_name': 'analysts',"
        + " 'all_permissions': [{'permission_level': 'CAN_QUERY'}]}]}"));
    server.enqueue(ok("{'object_id': '/serving-endpoints/abc123', 'access_control_list': []}"));

    ServingEndpointPermissions updated = serving.updatePermissions("abc123", List.of(
        ServingEndpointAccessControlRequest.group("analysts", ServingEndpointPermissionLevel.CAN_QUERY),
        ServingEndpointAccessControlRequest.user("ana@corp.ph", ServingEndpointPermissionLevel.CAN_MANAGE),
        ServingEndpointAccessControlRequest.servicePrincipal("6f1c-app", ServingEndpointPermissionLevel.CAN_VIEW)));
    ServingEndpointPermissions replaced = serving.setPermissionsAsync("abc123", List.of()).get(5, TimeUnit.SECONDS);

    assertTrue(updated.find("analysts").orElseThrow().holds(ServingEndpointPermissionLevel.CAN_QUERY));
    assertTrue(replaced.accessControlList().isEmpty());
    expectJson(server, "PATCH", "/api/2.0/permissions/serving-endpoints/abc123",
        "{'access_control_list': [{'group_name': 'analysts', 'permission_level': 'CAN_QUERY'},"
        + " {'user_name': 'ana@corp.ph', 'permission_level': 'CAN_MANAGE'},"
        + " {'service_principal_name': '6f1c-app', 'permission_level': 'CAN_VIEW'}]}");
    expectJson(server, "PUT", "/api/2.0/permissions/serving-endpoints/abc123", "{'access_control_list': []}");
  }

  @Test
  void aPermissionEntryNamesExactlyOnePrincipalAndAKnownLevel() {
    assertThrows(InvalidRequestException.class, () -> ServingEndpointAccessControlRequest.builder()
        .permissionLevel(ServingEndpointPermissionLevel.CAN_VIEW).build());
    assertThrows(InvalidRequestException.class, () -> ServingEndpointAccessControlRequest.builder()
        .userName("ana@corp.ph").groupName("analysts").permissionLevel(ServingEndpointPermissionLevel.CAN_VIEW).build());
    assertThrows(InvalidRequestException.class,
        () -> ServingEndpointAccessControlRequest.user(" ", ServingEndpointPermissionLevel.CAN_VIEW));
    assertThrows(InvalidRequestException.class,
        () -> ServingEndpointAccessControlRequest.group("analysts", ServingEndpointPermissionLevel.UNKNOWN));
    List<ServingEndpointAccessControlRequest> withNull = java.util.Arrays.asList(
        ServingEndpointAccessControlRequest.group("analysts", ServingEndpointPermissionLevel.CAN_QUERY), null);
    assertThrows(InvalidRequestException.class, () -> serving.updatePermissions("abc123", withNull));
    ExecutionException async = assertThrows(ExecutionException.class,
        () -> serving.setPermissionsAsync("", List.of()).get(5, TimeUnit.SECONDS));
    assertTrue(async.getCause() instanceof InvalidRequestException, String.valueOf(async.getCause()));
    assertEquals(0, server.getRequestCount());
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
