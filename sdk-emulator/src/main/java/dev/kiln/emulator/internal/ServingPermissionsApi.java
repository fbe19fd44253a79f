package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.BiConsumer;

/**
 * Serving endpoint permissions by endpoint id under {@code /api/2.0/permissions/serving-endpoints/{id}}: GET reads
 * them, PATCH grants (keeping the others), PUT replaces the direct ones.
 */
final class ServingPermissionsApi implements WorkspaceApi {
  private static final String PERMISSIONS = "/api/2.0/permissions/serving-endpoints/{id}";

  private final ServingEndpoints endpoints;

  ServingPermissionsApi(ServingEndpoints endpoints) {
    this.endpoints = endpoints;
  }

  @Override
  public void register(Router router) {
    router.get(PERMISSIONS, request -> reply(request, null));
    router.patch(PERMISSIONS, request -> reply(request, ServingPermissions::update));
    router.put(PERMISSIONS, request -> reply(request, ServingPermissions::replace));
  }

  private Response reply(Request request, BiConsumer<ServingPermissions, JsonNode> change) {
    ServingEndpoint endpoint = endpoints.requireById(request.pathParam("id"));
    if (change != null) {
      change.accept(endpoint.permissions(), request.json().path("access_control_list"));
    }
    return Response.ok(endpoint.permissions().toJson(endpoint.id()));
  }
}
