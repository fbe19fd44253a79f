package dev.kiln.emulator.internal;

import java.util.List;

/** SQL warehouses (API 2.0): list (paged), get, create, edit, start and stop. */
final class WarehousesApi implements WorkspaceApi {
  private static final String WAREHOUSES = "/api/2.0/sql/warehouses";
  private static final int MAX_PAGE_SIZE = 100;

  private final Warehouses warehouses;

  WarehousesApi(Warehouses warehouses) {
    this.warehouses = warehouses;
  }

  @Override
  public void register(Router router) {
    router.get(WAREHOUSES, request -> {
      List<com.fasterxml.jackson.databind.node.ObjectNode> all = warehouses.toJson();
      return Pages.reply(request, all, MAX_PAGE_SIZE, "warehouses", w -> w);
    });
    router.post(WAREHOUSES, request -> Response.ok(Json.object().put("id", warehouses.create(request.json()))));
    router.get(WAREHOUSES + "/{id}", request -> Response.ok(warehouses.toJson(request.pathParam("id"))));
    router.post(WAREHOUSES + "/{id}/edit", request -> {
      warehouses.edit(request.pathParam("id"), request.json());
      return Response.ok(Json.object());
    });
    router.post(WAREHOUSES + "/{id}/start", request -> {
      warehouses.start(request.pathParam("id"));
      return Response.ok(Json.object());
    });
    router.post(WAREHOUSES + "/{id}/stop", request -> {
      warehouses.stop(request.pathParam("id"));
      return Response.ok(Json.object());
    });
  }
}
