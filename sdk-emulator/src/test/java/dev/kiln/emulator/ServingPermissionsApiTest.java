package dev.kiln.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Serving endpoint permissions by endpoint id on the wire: read, PATCH grants, PUT replaces, errors. */
class ServingPermissionsApiTest {
  static final String PERMISSIONS = "/api/2.0/permissions/serving-endpoints/";
  static LocalWorkspace ws;
  static Wire wire;

  @BeforeAll
  static void start() {
    ws = LocalWorkspace.builder().start();
    wire = new Wire(ws);
  }

  @AfterAll
  static void stop() {
    ws.close();
  }

  @Test
  void theCreatorManagesAndAdminsInheritManage() {
    String id = idOf("databricks-llama");

    JsonNode permissions = ok(wire.get(PERMISSIONS + id));

    assertEquals("/serving-endpoints/" + id, permissions.path("object_id").asText());
    assertEquals("serving-endpoint", permissions.path("object_type").asText());
    assertEquals("[{'user_name':'kiln@localhost','display_name':'kiln@localhost','all_permissions':"
        + "[{'permission_level':'CAN_MANAGE','inherited':false}]},{'group_name':'admins','all_permissions':"
        + "[{'permission_level':'CAN_MANAGE','inherited':true,'inherited_from_object':['/serving-endpoints/']}]}]",
        permissions.path("access_control_list").toString().replace('"', '\''));
  }

  @Test
  void patchGrantsKeepingTheOthersAndPutReplaces() {
    String id = idOf("bir-tax-forecaster");

    ok(send("PATCH", id, "{'access_control_list': [{'group_name': 'analysts', 'permission_level': 'CAN_QUERY'},"
        + " {'service_principal_name': '6f1c-app', 'permission_level': 'CAN_VIEW'}]}"));
    JsonNode patched = ok(send("PATCH", id,
        "{'access_control_list': [{'group_name': 'analysts', 'permission_level': 'CAN_MANAGE'}]}"));

    assertEquals("kiln@localhost|analysts=CAN_MANAGE|6f1c-app=CAN_VIEW|admins", principals(patched));
    assertEquals(principals(patched), principals(ok(wire.get(PERMISSIONS + id))));

    JsonNode replaced = ok(send("PUT", id,
        "{'access_control_list': [{'user_name': 'ana@corp.ph', 'permission_level': 'CAN_QUERY'}]}"));
    assertEquals("ana@corp.ph|admins", principals(replaced));
    assertEquals("CAN_QUERY", replaced.at("/access_control_list/0/all_permissions/0/permission_level").asText());
    assertEquals("admins", principals(ok(send("PUT", id, "{'access_control_list': []}"))));
  }

  @Test
  void unknownIdsAre404AndBadEntries400WithoutAnyChange() {
    String id = idOf("databricks-bge-large-en");
    Wire.Reply unknown = wire.get(PERMISSIONS + "0123456789abcdef");
    assertEquals(404, unknown.status);
    assertEquals("RESOURCE_DOES_NOT_EXIST", unknown.json().path("error_code").asText());
    assertEquals(404, send("PATCH", "databricks-bge-large-en", "{'access_control_list': []}").status);

    for (String bad : new String[] {
        "[{'group_name': 'analysts', 'permission_level': 'CAN_QUERY'}, {'permission_level': 'CAN_VIEW'}]",
        "[{'user_name': 'ana@corp.ph', 'group_name': 'analysts', 'permission_level': 'CAN_VIEW'}]",
        "[{'group_name': 'analysts', 'permission_level': 'CAN_OWN'}]",
        "[{'group_name': 'analysts'}]",
        "{'group_name': 'analysts'}"}) {
      for (String method : new String[] {"PATCH", "PUT"}) {
        Wire.Reply reply = send(method, id, "{'access_control_list': " + bad + "}");
        assertEquals(400, reply.status, method + " " + bad);
        assertEquals("INVALID_PARAMETER_VALUE", reply.json().path("error_code").asText());
      }
    }
    assertEquals("kiln@localhost|admins", principals(ok(wire.get(PERMISSIONS + id))));
  }

  static String idOf(String endpoint) {
    return ok(wire.get("/api/2.0/serving-endpoints/" + endpoint)).path("id").asText();
  }

  static Wire.Reply send(String method, String id, String singleQuotedJson) {
    return Wire.send(wire.authorized(PERMISSIONS + id)
        .method(method, HttpRequest.BodyPublishers.ofString(singleQuotedJson.replace('\'', '"'))).build());
  }

  static JsonNode ok(Wire.Reply reply) {
    assertEquals(200, reply.status, reply.body);
    return reply.json();
  }

  /** Principals in order, with the direct level of the non-creator, non-admins ones. */
  static String principals(JsonNode permissions) {
    StringBuilder out = new StringBuilder();
    for (JsonNode entry : permissions.path("access_control_list")) {
      String name = entry.path("user_name").asText(entry.path("group_name").asText(
          entry.path("service_principal_name").asText()));
      out.append(out.length() == 0 ? "" : "|").append(name);
      if (!name.equals("admins") && !name.equals("kiln@localhost") && !name.equals("ana@corp.ph")) {
        out.append('=').append(entry.at("/all_permissions/0/permission_level").asText());
      }
    }
    return out.toString();
  }
}
