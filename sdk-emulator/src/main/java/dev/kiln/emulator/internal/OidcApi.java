package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Host metadata and OAuth as a workspace serves them, all without credentials: {@code
 * /.well-known/databricks-config} (read by newer official SDKs while they resolve their config), the OIDC
 * discovery document and the {@code client_credentials} token endpoint for the workspace's service principals
 * (OAuth M2M).
 */
final class OidcApi implements WorkspaceApi {
  private static final List<String> SCOPES = List.of("all-apis", "sql", "offline_access", "openid", "email", "profile");

  private final Supplier<String> host;
  private final OAuthTokens tokens;
  private final String workspaceId;
  private final String accountId;
  private final RouteHandler.Sync jwtBearer;

  /**
   * {@code jwtBearer} answers the token endpoint's other grant, the exchange of a workspace token for a
   * route-optimized serving endpoint's data-plane token ({@link ServingDataPlane#mint}).
   */
  OidcApi(Supplier<String> host, OAuthTokens tokens, String workspaceId, String accountId, RouteHandler.Sync jwtBearer) {
    this.host = host;
    this.jwtBearer = jwtBearer;
    this.tokens = tokens;
    this.workspaceId = workspaceId;
    this.accountId = accountId;
  }

  @Override
  public void register(Router router) {
    router.get("/.well-known/databricks-config", request -> Response.ok(hostMetadata()));
    router.get("/oidc/.well-known/oauth-authorization-server", request -> Response.ok(discovery()));
    router.get("/oidc/.well-known/openid-configuration", request -> Response.ok(discovery()));
    router.post("/oidc/v1/token", this::token);
  }

  /** The workspace form: the OIDC root is the workspace's own {@code /oidc}. */
  private ObjectNode hostMetadata() {
    ObjectNode body = Json.object();
    body.put("oidc_endpoint", host.get() + "/oidc");
    body.put("account_id", accountId);
    body.put("workspace_id", workspaceId);
    body.put("cloud", "AWS");
    body.put("host_type", "workspace");
    body.putArray("token_federation_default_oidc_audiences");
    return body;
  }

  private ObjectNode discovery() {
    String base = host.get();
    ObjectNode body = Json.object();
    body.put("issuer", base + "/oidc");
    body.put("authorization_endpoint", base + "/oidc/v1/authorize");
    body.put("token_endpoint", base + "/oidc/v1/token");
    body.put("jwks_uri", base + "/oidc/jwks.json");
    body.putArray("grant_types_supported").add("client_credentials").add(ServingDataPlane.JWT_BEARER);
    ArrayNode scopes = body.putArray("scopes_supported");
    SCOPES.forEach(scopes::add);
    body.putArray("token_endpoint_auth_methods_supported").add("client_secret_basic").add("client_secret_post");
    body.putArray("response_types_supported").add("code");
    return body;
  }

  /**
   * {@code grant_type=client_credentials} (the client authenticates with HTTP Basic or form fields), or the
   * jwt-bearer exchange for a data-plane token.
   */
  private Response token(Request request) {
    String grantType = request.formParam("grant_type").orElse("");
    if (grantType.equals(ServingDataPlane.JWT_BEARER)) {
      return jwtBearer.handle(request);
    }
    if (!grantType.equals("client_credentials")) {
      return oauthError(400, "unsupported_grant_type", "Grant type '" + grantType + "' is not supported; this "
          + "workspace issues client_credentials tokens (and " + ServingDataPlane.JWT_BEARER + " data-plane tokens).");
    }
    String scope = request.formParam("scope").orElse("all-apis");
    for (String one : scope.trim().split("\\s+")) {
      if (!SCOPES.contains(one)) {
        return oauthError(400, "invalid_scope", "Scope '" + one + "' is not supported.");
      }
    }
    Optional<String[]> client = basicCredentials(request);
    String clientId = client.map(pair -> pair[0]).or(() -> request.formParam("client_id")).orElse("");
    String secret = client.map(pair -> pair[1]).or(() -> request.formParam("client_secret")).orElse("");
    if (!tokens.authenticates(clientId, secret)) {
      return oauthError(401, "invalid_client", "Client authentication failed.");
    }
    OAuthTokens.Issued issued = tokens.issue();
    ObjectNode body = Json.object();
    body.put("access_token", issued.accessToken);
    body.put("token_type", "Bearer");
    body.put("expires_in", issued.expiresInSeconds);
    body.put("scope", scope.trim());
    return Response.ok(body).withHeader("Cache-Control", "no-store");
  }

  private static Optional<String[]> basicCredentials(Request request) {
    Optional<String> header = request.header("Authorization");
    if (header.isEmpty() || !header.get().regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.get().substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      return Optional.of(new String[] {"", ""});
    }
    int colon = decoded.indexOf(':');
    return Optional.of(
        colon < 0
            ? new String[] {decoded, ""}
            : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
  }

  /** OAuth errors have their own shape (RFC 6749 §5.2), not Databricks' {@code error_code}. */
  private static Response oauthError(int status, String error, String description) {
    return Response.json(status, Json.object().put("error", error).put("error_description", description));
  }
}
