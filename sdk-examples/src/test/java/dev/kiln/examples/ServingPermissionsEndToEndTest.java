package dev.kiln.examples;

import static dev.kiln.serving.model.ServingEndpointPermissionLevel.CAN_MANAGE;
import static dev.kiln.serving.model.ServingEndpointPermissionLevel.CAN_QUERY;
import static dev.kiln.serving.model.ServingEndpointPermissionLevel.CAN_VIEW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.DatabricksClient;
import dev.kiln.core.auth.Credentials;
import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.core.error.NotFoundException;
import dev.kiln.emulator.LocalWorkspace;
import dev.kiln.serving.ServingClient;
import dev.kiln.serving.model.ServingEndpointAccessControl;
import dev.kiln.serving.model.ServingEndpointAccessControlRequest;
import dev.kiln.serving.model.ServingEndpointPermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Serving endpoint permissions through ServingClient against the emulator: read, grant, replace. */
class ServingPermissionsEndToEndTest {
  static LocalWorkspace ws;
  static DatabricksClient db;
  static ServingClient serving;

  @BeforeAll
  static void start() {
    ws = LocalWorkspace.builder().start();
    db = DatabricksClient.builder().host(ws.host()).credentials(Credentials.personalAccessToken(ws.token())).build();
    serving = ServingClient.create(db);
  }

  @AfterAll
  static void stop() {
    db.close();
    ws.close();
  }

  @Test
  void grantThenReplaceTheEndpointsPermissions() throws Exception {
    String id = serving.getEndpoint("bir-tax-forecaster").id().orElseThrow();

    ServingEndpointPermissions initial = serving.getPermissions(id);
    assertEquals("/serving-endpoints/" + id, initial.objectId().orElseThrow());
    ServingEndpointAccessControl creator = initial.find("kiln@localhost").orElseThrow();
    assertTrue(creator.holds(CAN_MANAGE));
    assertFalse(creator.allPermissions().get(0).inherited());
    assertTrue(initial.find("admins").orElseThrow().allPermissions().get(0).inherited());

    ServingEndpointPermissions granted = serving.updatePermissionsAsync(id, List.of(
        ServingEndpointAccessControlRequest.group("analysts", CAN_QUERY),
        ServingEndpointAccessControlRequest.servicePrincipal("6f1c-app", CAN_VIEW))).get(10, TimeUnit.SECONDS);
    assertEquals(List.of("kiln@localhost", "analysts", "6f1c-app", "admins"), principals(granted));
    assertEquals(CAN_QUERY, granted.find("analysts").orElseThrow().allPermissions().get(0).permissionLevel());
    assertEquals(granted, serving.getPermissions(id));

    ServingEndpointPermissions replaced = serving.setPermissions(id,
        List.of(ServingEndpointAccessControlRequest.user("ana@corp.ph", CAN_MANAGE)));
    assertEquals(List.of("ana@corp.ph", "admins"), principals(replaced));

    assertThrows(NotFoundException.class, () -> serving.getPermissions("0123456789abcdef"));
    assertThrows(InvalidRequestException.class, () -> serving.updatePermissions(id, List.of(
        ServingEndpointAccessControlRequest.builder().userName("a@corp.ph").groupName("g").permissionLevel(CAN_VIEW)
            .build())));
  }

  static List<String> principals(ServingEndpointPermissions permissions) {
    return permissions.accessControlList().stream().map(e -> e.principal().orElseThrow()).collect(Collectors.toList());
  }
}
