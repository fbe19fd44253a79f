package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Command execution (API 1.2): contexts and commands, with camelCase fields and query parameters and
 * errors as {@code {"error": "..."}} bodies rather than the 2.0 {@code error_code} shape.
 */
final class ExecutionApi implements WorkspaceApi {
  private static final String BASE = "/api/1.2";
  private static final Set<String> LANGUAGES = Set.of("python", "sql", "scala", "r");

  private final ExecutionContexts contexts;

  ExecutionApi(ExecutionContexts contexts) {
    this.contexts = contexts;
  }

  @Override
  public void register(Router router) {
    router.post(BASE + "/contexts/create", legacyErrors(this::createContext));
    router.get(BASE + "/contexts/status", legacyErrors(this::contextStatus));
    router.post(BASE + "/contexts/destroy", legacyErrors(this::destroyContext));
    router.post(BASE + "/commands/execute", legacyErrors(this::execute));
    router.get(BASE + "/commands/status", legacyErrors(this::commandStatus));
    router.post(BASE + "/commands/cancel", legacyErrors(this::cancel));
  }

  /** API 1.2 answers errors as {@code {"error": "message"}}. */
  private static RouteHandler.Sync legacyErrors(RouteHandler.Sync handler) {
    return request -> {
      try {
        return handler.handle(request);
      } catch (ApiException e) {
        return Response.json(e.status(), Json.object().put("error", e.getMessage()));
      }
    };
  }

  private Response createContext(Request request) {
    JsonNode body = request.json();
    ExecutionContext context = contexts.create(required(body, "clusterId"), language(body));
    return Response.ok(Json.object().put("id", context.id()));
  }

  private Response contextStatus(Request request) {
    ExecutionContext context = contexts.require(query(request, "clusterId"), query(request, "contextId"));
    return Response.ok(Json.object().put("id", context.id()).put("status", context.status().wire));
  }

  private Response destroyContext(Request request) {
    JsonNode body = request.json();
    String contextId = required(body, "contextId");
    contexts.destroy(required(body, "clusterId"), contextId);
    return Response.ok(Json.object().put("id", contextId));
  }

  private Response execute(Request request) {
    JsonNode body = request.json();
    ExecutionContext context = contexts.require(required(body, "clusterId"), required(body, "contextId"));
    String language = body.hasNonNull("language") ? language(body) : context.language();
    Command command = contexts.submit(context, language, required(body, "command"));
    return Response.ok(Json.object().put("id", command.id()));
  }

  private Response commandStatus(Request request) {
    return Response.ok(command(query(request, "clusterId"), query(request, "contextId"), query(request, "commandId"))
        .toJson());
  }

  private Response cancel(Request request) {
    JsonNode body = request.json();
    Command command = command(required(body, "clusterId"), required(body, "contextId"), required(body, "commandId"));
    command.cancel();
    return Response.ok(Json.object().put("id", command.id()));
  }

  private Command command(String clusterId, String contextId, String commandId) {
    return contexts.require(clusterId, contextId).command(commandId)
        .orElseThrow(() -> ApiException.notFound("Command " + commandId + " does not exist in context " + contextId));
  }

  private static String language(JsonNode body) {
    String language = required(body, "language").toLowerCase(Locale.ROOT);
    if (!LANGUAGES.contains(language)) {
      throw ApiException.invalidParameter(
          "Invalid language '" + body.get("language").asText() + "'; expected python, sql, scala or r");
    }
    return language;
  }

  private static String required(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull() || value.asText().isEmpty()) {
      throw ApiException.invalidParameter(field + " is required");
    }
    return value.asText();
  }

  private static String query(Request request, String name) {
    Optional<String> value = request.queryParam(name).filter(text -> !text.isEmpty());
    return value.orElseThrow(() -> ApiException.invalidParameter(name + " is required"));
  }
}
