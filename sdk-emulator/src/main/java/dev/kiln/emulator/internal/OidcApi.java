package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Supplier;

/**
 * The workspace's OAuth discovery document. Clients such as the official Java SDK read it
 * (without credentials) before their first call, so a workspace answers it like Databricks does.
 */
final class OidcApi implements WorkspaceApi {
  private final Supplier<String> host;

  OidcApi(Supplier<String> host) {
    this.host = host;
  }

  @Override
  public void register(Router router) {
    router.get("/oidc/.well-known/oauth-authorization-server", request -> {
      String base = host.get();
      ObjectNode body = Json.object();
      body.put("issuer", base + "/oidc");
      body.put("authorization_endpoint", base + "/oidc/v1/authorize");
      body.put("token_endpoint", base + "/oidc/v1/token");
      return Response.ok(body);
    });
  }
}
