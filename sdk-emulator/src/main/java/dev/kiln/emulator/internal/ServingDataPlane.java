package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The data plane of route-optimized serving endpoints: {@code POST /oidc/v1/token} exchanges the workspace
 * token (as a jwt-bearer {@code assertion}) and the endpoint's {@code authorization_details} for a token of that
 * endpoint only, which {@code /dataplane/serving-endpoints/{name}/invocations} requires (the workspace token is
 * refused there, and an expired or other endpoint's token too). Tokens expire on the workspace clock.
 */
final class ServingDataPlane implements WorkspaceApi {
  static final String PREFIX = "/dataplane/serving-endpoints/";
  static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
  /** Bounds memory: the oldest tokens are forgotten first. */
  private static final int MAX_TOKENS = 10_000;

  private final ServingEndpoints endpoints;
  private final ServingApi serving;
  private final byte[] workspaceToken;
  private final Clock clock;
  private final Duration tokenLifetime;
  private final Map<String, Grant> tokens = new LinkedHashMap<>();

  /** What a minted token allows, until when. */
  private static final class Grant {
    final String endpoint;
    final Instant expiresAt;

    Grant(String endpoint, Instant expiresAt) {
      this.endpoint = endpoint;
      this.expiresAt = expiresAt;
    }
  }

  ServingDataPlane(ServingEndpoints endpoints, ServingApi serving, String workspaceToken, Clock clock,
      Duration tokenLifetime) {
    this.endpoints = endpoints;
    this.serving = serving;
    this.workspaceToken = workspaceToken.getBytes(StandardCharsets.UTF_8);
    this.clock = clock;
    this.tokenLifetime = tokenLifetime;
  }

  static String invocationsUrl(String host, String endpoint) {
    return host + PREFIX + endpoint + "/invocations";
  }

  /** The authorization details a token for {@code endpoint} must be minted with (a JSON string). */
  static String authorizationDetails(String endpoint) {
    return "[{\"type\":\"workspace_permission\",\"object_type\":\"serving-endpoints\",\"object_path\":"
        + "\"/serving-endpoints/" + endpoint + "\",\"actions\":[\"query_inference_endpoint\"]}]";
  }

  @Override
  public void register(Router router) {
    router.post(PREFIX + "{name}/invocations", this::invoke);
    router.post(PREFIX + "{name}/served-models/{model}/invocations", this::invoke);
  }

  /** The jwt-bearer grant of {@code POST /oidc/v1/token} (routed here by {@link OidcApi}). */
  Response mint(Request request) {
    Map<String, String> form = request.form();
    if (!JWT_BEARER.equals(form.get("grant_type"))) {
      return oauthError(400, "unsupported_grant_type", "grant_type must be " + JWT_BEARER);
    }
    String assertion = form.getOrDefault("assertion", "");
    if (!MessageDigest.isEqual(workspaceToken, assertion.getBytes(StandardCharsets.UTF_8))) {
      return oauthError(401, "invalid_grant", "the assertion is not a valid workspace token");
    }
    Optional<String> endpoint = endpointOf(form.get("authorization_details"));
    if (endpoint.isEmpty()) {
      return oauthError(400, "invalid_request", "authorization_details must name one serving endpoint to query");
    }
    ServingEndpoint target = endpoints.require(endpoint.get());
    if (!target.routeOptimized()) {
      return oauthError(400, "invalid_request", "endpoint " + target.name() + " is not route-optimized");
    }
    String token = "dpt-" + Ids.hex32() + Ids.hex32();
    synchronized (tokens) {
      tokens.put(token, new Grant(target.name(), clock.instant().plus(tokenLifetime)));
      if (tokens.size() > MAX_TOKENS) {
        tokens.remove(tokens.keySet().iterator().next());
      }
    }
    return Response.ok(Json.object().put("access_token", token).put("token_type", "Bearer")
        .put("expires_in", tokenLifetime.getSeconds()));
  }

  private Response invoke(Request request) {
    String name = request.pathParam("name");
    String header = request.header("Authorization").orElse("");
    Grant grant;
    synchronized (tokens) {
      grant = header.startsWith("Bearer ") ? tokens.get(header.substring(7)) : null;
    }
    if (grant == null) {
      throw ApiException.unauthenticated("This endpoint accepts only a token minted for it (POST /oidc/v1/token).");
    }
    if (!clock.instant().isBefore(grant.expiresAt)) {
      throw ApiException.unauthenticated("The data-plane token has expired.");
    }
    if (!grant.endpoint.equals(name)) {
      throw new ApiException(403, "PERMISSION_DENIED", "The token was minted for endpoint " + grant.endpoint + ".");
    }
    return serving.invoke(request);
  }

  /** The endpoint named by {@code object_path: /serving-endpoints/{name}} in the details, if exactly one. */
  private static Optional<String> endpointOf(String details) {
    if (details == null) {
      return Optional.empty();
    }
    JsonNode parsed;
    try {
      parsed = Json.MAPPER.readTree(details);
    } catch (IOException e) {
      return Optional.empty();
    }
    if (parsed == null || !parsed.isArray() || parsed.size() != 1) {
      return Optional.empty();
    }
    String path = parsed.get(0).path("object_path").asText("");
    Iterator<JsonNode> actions = parsed.get(0).path("actions").elements();
    boolean query = false;
    while (actions.hasNext()) {
      query |= actions.next().asText().equals("query_inference_endpoint");
    }
    return path.startsWith("/serving-endpoints/") && query
        ? Optional.of(path.substring("/serving-endpoints/".length())) : Optional.empty();
  }

  private static Response oauthError(int status, String error, String description) {
    return Response.of(status, "application/json",
        Json.bytes(Json.object().put("error", error).put("error_description", description)));
  }
}
