package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The direct permissions of one serving endpoint, keyed by principal (one level each): the creator starts with
 * CAN_MANAGE, and the {@code admins} group always holds CAN_MANAGE inherited from {@code /serving-endpoints/}.
 */
final class ServingPermissions {
  static final Set<String> LEVELS = Set.of("CAN_MANAGE", "CAN_QUERY", "CAN_VIEW");
  private static final List<String> PRINCIPAL_FIELDS = List.of("user_name", "group_name", "service_principal_name");
  private static final String ROOT = "/serving-endpoints/";

  /** A principal: which field names it, and the name. */
  private static final class Principal {
    final String field;
    final String name;

    Principal(String field, String name) {
      this.field = field;
      this.name = name;
    }

    String key() {
      return field + ":" + name;
    }
  }

  private final Map<String, Principal> principals = new LinkedHashMap<>();
  private final Map<String, String> levels = new LinkedHashMap<>();

  ServingPermissions(String creator) {
    grant(new Principal("user_name", creator), "CAN_MANAGE");
  }

  /** PATCH: grants the entries, keeping the other principals. The whole list is checked before any change. */
  synchronized void update(JsonNode accessControlList) {
    parse(accessControlList).forEach(this::grant);
  }

  /** PUT: the entries become the direct permissions; an empty list leaves none. */
  synchronized void replace(JsonNode accessControlList) {
    Map<Principal, String> entries = parse(accessControlList);
    principals.clear();
    levels.clear();
    entries.forEach(this::grant);
  }

  private void grant(Principal principal, String level) {
    principals.put(principal.key(), principal);
    levels.put(principal.key(), level);
  }

  private static Map<Principal, String> parse(JsonNode accessControlList) {
    if (accessControlList.isMissingNode() || accessControlList.isNull()) {
      return Map.of();
    }
    if (!accessControlList.isArray()) {
      throw ApiException.invalidParameter("access_control_list must be an array.");
    }
    Map<Principal, String> entries = new LinkedHashMap<>();
    for (JsonNode entry : accessControlList) {
      List<Principal> named = new ArrayList<>();
      for (String field : PRINCIPAL_FIELDS) {
        String name = entry.path(field).asText("");
        if (!name.isBlank()) {
          named.add(new Principal(field, name));
        }
      }
      if (named.size() != 1) {
        throw ApiException.invalidParameter("Each access control entry must name exactly one of user_name, "
            + "group_name or service_principal_name; found " + named.size() + " in " + entry + ".");
      }
      String level = entry.path("permission_level").asText("");
      if (!LEVELS.contains(level)) {
        throw ApiException.invalidParameter("Invalid permission level '" + level + "' for serving endpoints; "
            + "expected one of CAN_MANAGE, CAN_QUERY, CAN_VIEW.");
      }
      entries.put(named.get(0), level);
    }
    return entries;
  }

  synchronized ObjectNode toJson(String endpointId) {
    ObjectNode json = Json.object();
    json.put("object_id", ROOT + endpointId);
    json.put("object_type", "serving-endpoint");
    ArrayNode list = json.putArray("access_control_list");
    principals.forEach((key, principal) -> {
      ObjectNode entry = list.addObject().put(principal.field, principal.name);
      if (!principal.field.equals("group_name")) {
        entry.put("display_name", principal.name);
      }
      entry.putArray("all_permissions").addObject().put("permission_level", levels.get(key)).put("inherited", false);
    });
    ObjectNode admins = list.addObject().put("group_name", "admins");
    admins.putArray("all_permissions").addObject().put("permission_level", "CAN_MANAGE").put("inherited", true)
        .putArray("inherited_from_object").add(ROOT);
    return json;
  }
}
