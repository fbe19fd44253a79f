package dev.kiln.serving;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.ApiRequest;
import dev.kiln.core.ApiResponse;
import dev.kiln.core.BodyReader;
import dev.kiln.core.DatabricksClient;
import dev.kiln.core.Json;
import dev.kiln.core.error.DatabricksServiceException;
import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.core.spi.Args;
import dev.kiln.core.spi.Calls;
import dev.kiln.core.spi.Futures;
import dev.kiln.core.spi.Poller;
import dev.kiln.serving.internal.ChatStreams;
import dev.kiln.serving.internal.CreateEndpointBody;
import dev.kiln.serving.internal.DataPlane;
import dev.kiln.serving.internal.EndpointList;
import dev.kiln.serving.internal.EndpointNames;
import dev.kiln.serving.internal.LogsBody;
import dev.kiln.serving.internal.TagList;
import dev.kiln.serving.internal.StreamingChatBody;
import dev.kiln.serving.model.ChatCompletion;
import dev.kiln.serving.model.ChatCompletionChunk;
import dev.kiln.serving.model.ChatRequest;
import dev.kiln.serving.model.Completion;
import dev.kiln.serving.model.CompletionRequest;
import dev.kiln.serving.model.CreateEndpointRequest;
import dev.kiln.serving.model.EmbeddingsRequest;
import dev.kiln.serving.model.EmbeddingsResponse;
import dev.kiln.serving.model.EndpointTag;
import dev.kiln.serving.model.HttpFunctionRequest;
import dev.kiln.serving.model.InvocationRequest;
import dev.kiln.serving.model.InvocationResponse;
import dev.kiln.serving.model.OpenApiDocument;
import dev.kiln.serving.model.ServedEntityInput;
import dev.kiln.serving.model.ServingEndpoint;
import dev.kiln.serving.model.ServingEndpointAccessControlRequest;
import dev.kiln.serving.model.ServingEndpointPermissions;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Model Serving: manage serving endpoints and call the models behind them. Thread-safe; a thin
 * layer over a {@link DatabricksClient}, so create as many as convenient. Every call has an
 * {@code *Async} twin that never throws and never blocks a thread while waiting; cancelling its
 * future abandons the HTTP call (and any retry still pending). Bad input (a null argument, an
 * endpoint name that is blank, longer than 63 characters or a dot segment) is rejected with
 * {@code InvalidRequestException} before anything is sent: thrown by the blocking form, as a failed
 * future by the async one. Invocations are POSTs that may have effects (and cost tokens), so they
 * are never re-sent after an unclear failure.
 */
public final class ServingClient {
  private static final String ENDPOINTS = "/api/2.0/serving-endpoints";
  private static final String SERVED_MODEL_HEADER = "served-model-name";
  private static final String EVENT_STREAM = "text/event-stream";
  private static final String PERMISSIONS = "/api/2.0/permissions/serving-endpoints/{serving_endpoint_id}";
  private static final String EXTERNAL_FUNCTION = "/api/2.0/external-function";

  private final DatabricksClient db;
  private final ServingOptions options;
  private final DataPlane dataPlane;

  private ServingClient(DatabricksClient db, ServingOptions options) {
    this.db = db;
    this.options = options;
    this.dataPlane = new DataPlane(db, this::getEndpointAsync);
  }

  /** A client with {@link ServingOptions#defaults()}. */
  public static ServingClient create(DatabricksClient db) {
    return create(db, ServingOptions.defaults());
  }

  /**
   * A client over {@code db} with the given polling and deployment settings. The client does not
   * own {@code db}: closing {@code db} ends its calls.
   *
   * @throws InvalidRequestException when {@code db} or {@code options} is null
   */
  public static ServingClient create(DatabricksClient db, ServingOptions options) {
    return new ServingClient(Args.notNull(db, "db"), Args.notNull(options, "options"));
  }

  /** The polling and deployment settings this client was created with. */
  public ServingOptions options() {
    return options;
  }

  // ---- endpoints -------------------------------------------------------------------------

  /**
   * Every serving endpoint in the workspace the caller may see ({@code GET
   * /api/2.0/serving-endpoints}), in the server's order; the server returns them in one answer.
   */
  public List<ServingEndpoint> listEndpoints() {
    return Calls.join(listEndpointsAsync());
  }

  /** {@link #listEndpoints()} without blocking. */
  public CompletableFuture<List<ServingEndpoint>> listEndpointsAsync() {
    return Calls.async(() -> send(ApiRequest.get(ENDPOINTS).build(), BodyReader.json(EndpointList.class),
        r -> r.body().endpoints()));
  }

  /**
   * The endpoint called {@code name}, with its state, served entities and traffic split.
   *
   * @throws dev.kiln.core.error.NotFoundException when there is no such endpoint
   */
  public ServingEndpoint getEndpoint(String name) {
    return Calls.join(getEndpointAsync(name));
  }

  /** {@link #getEndpoint(String)} without blocking. */
  public CompletableFuture<ServingEndpoint> getEndpointAsync(String name) {
    return Calls.async(() -> send(ApiRequest.get(EndpointNames.ENDPOINT, checkName(name)).build(),
        BodyReader.json(ServingEndpoint.class), r -> {
          dataPlane.learn(r.body());
          return r.body();
        }));
  }

  /** The endpoint's OpenAPI description (how to call it), as text and parsed JSON. */
  public OpenApiDocument getOpenApi(String name) {
    return Calls.join(getOpenApiAsync(name));
  }

  /** {@link #getOpenApi(String)} without blocking. */
  public CompletableFuture<OpenApiDocument> getOpenApiAsync(String name) {
    return Calls.async(() -> send(ApiRequest.get(EndpointNames.OPENAPI, checkName(name))
            .header("Accept", "application/json, */*;q=0.8")
            .build(),
        BodyReader.string(),
        r -> OpenApiDocument.builder().text(r.body()).json(parseJson(r.body())).build()));
  }

  /**
   * Creates an endpoint and returns at once with a handle that waits for it to be ready:
   * {@code serving.createEndpoint(request).await()}.
   */
  public EndpointHandle createEndpoint(CreateEndpointRequest request) {
    return Calls.join(createEndpointAsync(request));
  }

  /**
   * {@link #createEndpoint(CreateEndpointRequest)} without blocking: completes with the handle once
   * the server accepted the endpoint, not when it is ready.
   */
  public CompletableFuture<EndpointHandle> createEndpointAsync(CreateEndpointRequest request) {
    return Calls.async(() -> {
      Args.notNull(request, "request");
      return send(ApiRequest.post(ENDPOINTS).jsonBody(new CreateEndpointBody(request)).build(),
          BodyReader.json(ServingEndpoint.class),
          r -> awaitReady(request.name(), r.body()));
    });
  }

  /**
   * A handle on an existing endpoint that waits for it to be ready (e.g. after an update); the first
   * poll comes after {@link ServingOptions#pollInitialDelay()}.
   */
  public EndpointHandle waitUntilReady(String name) {
    return awaitReady(checkName(name), null);
  }

  /**
   * Deletes the endpoint called {@code name} and everything it serves.
   *
   * @throws dev.kiln.core.error.NotFoundException when there is no such endpoint
   */
  public void deleteEndpoint(String name) {
    Calls.join(deleteEndpointAsync(name));
  }

  /** {@link #deleteEndpoint(String)} without blocking. */
  public CompletableFuture<Void> deleteEndpointAsync(String name) {
    return Calls.async(() -> send(ApiRequest.delete(EndpointNames.ENDPOINT, checkName(name)).build(),
        BodyReader.discard(), r -> null));
  }

  /**
   * Replaces the endpoint's served entities ({@code PUT /api/2.0/serving-endpoints/{name}/config}) and returns
   * a handle that waits for the new configuration to be deployed.
   */
  public EndpointHandle updateConfig(String name, List<ServedEntityInput> servedEntities) {
    return Calls.join(updateConfigAsync(name, servedEntities));
  }

  /**
   * {@link #updateConfig(String, List)} without blocking: completes with the handle once the server
   * accepted the new configuration.
   */
  public CompletableFuture<EndpointHandle> updateConfigAsync(String name, List<ServedEntityInput> servedEntities) {
    return Calls.async(() -> {
      String endpoint = checkName(name);
      Args.notNull(servedEntities, "servedEntities");
      if (servedEntities.isEmpty()) {
        throw new InvalidRequestException("servedEntities must name at least one entity");
      }
      return send(ApiRequest.put(EndpointNames.ENDPOINT + "/config", endpoint)
              .jsonBody(Map.of("served_entities", servedEntities)).build(),
          BodyReader.json(ServingEndpoint.class), r -> awaitReady(endpoint, r.body(), EndpointHandle::isUpdated));
    });
  }

  /** Adds or replaces tags and removes the tags named in {@code deleteKeys}; returns the endpoint's tags now. */
  public List<EndpointTag> updateTags(String name, List<EndpointTag> addTags, List<String> deleteKeys) {
    return Calls.join(updateTagsAsync(name, addTags, deleteKeys));
  }

  /** {@link #updateTags(String, List, List)} without blocking. */
  public CompletableFuture<List<EndpointTag>> updateTagsAsync(String name, List<EndpointTag> addTags,
      List<String> deleteKeys) {
    return Calls.async(() -> {
      String endpoint = checkName(name);
      Args.notNull(addTags, "addTags");
      Args.notNull(deleteKeys, "deleteKeys");
      for (int i = 0; i < deleteKeys.size(); i++) {
        Args.notBlank(deleteKeys.get(i), "deleteKeys[" + i + "]");
      }
      return send(ApiRequest.patch(EndpointNames.ENDPOINT + "/tags", endpoint)
              .jsonBody(Map.of("add_tags", addTags, "delete_tags", deleteKeys)).idempotent(true).build(),
          BodyReader.json(TagList.class), r -> r.body().tags());
    });
  }

  /** The container build log of a served model (why a deployment failed, often). */
  public String buildLogs(String name, String servedModel) {
    return Calls.join(buildLogsAsync(name, servedModel));
  }

  /** {@link #buildLogs(String, String)} without blocking. */
  public CompletableFuture<String> buildLogsAsync(String name, String servedModel) {
    return Calls.async(() -> logs(name, servedModel, "/build-logs"));
  }

  /** The recent server log of a served model. */
  public String logs(String name, String servedModel) {
    return Calls.join(logsAsync(name, servedModel));
  }

  /** {@link #logs(String, String)} without blocking. */
  public CompletableFuture<String> logsAsync(String name, String servedModel) {
    return Calls.async(() -> logs(name, servedModel, "/logs"));
  }

  private CompletableFuture<String> logs(String name, String servedModel, String which) {
    return send(ApiRequest.get(EndpointNames.ENDPOINT + "/served-models/{served_model}" + which, checkName(name),
            EndpointNames.check(servedModel, "servedModel")).build(),
        BodyReader.json(LogsBody.class), r -> r.body().logs());
  }

  /**
   * The endpoint's permissions ({@code GET /api/2.0/permissions/serving-endpoints/{id}}; the id is
   * {@link ServingEndpoint#id()}, not the name).
   */
  public ServingEndpointPermissions getPermissions(String endpointId) {
    return Calls.join(getPermissionsAsync(endpointId));
  }

  /** {@link #getPermissions(String)} without blocking. */
  public CompletableFuture<ServingEndpointPermissions> getPermissionsAsync(String endpointId) {
    return Calls.async(() -> send(ApiRequest.get(PERMISSIONS, Args.id(endpointId, "endpointId")).build(),
        BodyReader.json(ServingEndpointPermissions.class), ApiResponse::body));
  }

  /**
   * Grants {@code accessControlList}, keeping the other direct permissions ({@code PATCH}); a principal already
   * granted gets the new level. Returns the permissions now.
   */
  public ServingEndpointPermissions updatePermissions(String endpointId,
      List<ServingEndpointAccessControlRequest> accessControlList) {
    return Calls.join(updatePermissionsAsync(endpointId, accessControlList));
  }

  /** {@link #updatePermissions(String, List)} without blocking. */
  public CompletableFuture<ServingEndpointPermissions> updatePermissionsAsync(String endpointId,
      List<ServingEndpointAccessControlRequest> accessControlList) {
    return Calls.async(() -> sendPermissions(ApiRequest.patch(PERMISSIONS, Args.id(endpointId, "endpointId")),
        accessControlList));
  }

  /**
   * Replaces the endpoint's direct permissions with {@code accessControlList} ({@code PUT}); an empty list removes
   * them all. Inherited permissions stay. Returns the permissions now.
   */
  public ServingEndpointPermissions setPermissions(String endpointId,
      List<ServingEndpointAccessControlRequest> accessControlList) {
    return Calls.join(setPermissionsAsync(endpointId, accessControlList));
  }

  /** {@link #setPermissions(String, List)} without blocking. */
  public CompletableFuture<ServingEndpointPermissions> setPermissionsAsync(String endpointId,
      List<ServingEndpointAccessControlRequest> accessControlList) {
    return Calls.async(() -> sendPermissions(ApiRequest.put(PERMISSIONS, Args.id(endpointId, "endpointId")),
        accessControlList));
  }

  /** Both forms are idempotent: sending the same list twice leaves the same permissions. */
  private CompletableFuture<ServingEndpointPermissions> sendPermissions(ApiRequest.Builder request,
      List<ServingEndpointAccessControlRequest> accessControlList) {
    Args.notNull(accessControlList, "accessControlList");
    for (int i = 0; i < accessControlList.size(); i++) {
      Args.notNull(accessControlList.get(i), "accessControlList[" + i + "]");
    }
    return send(request.jsonBody(Map.of("access_control_list", accessControlList)).idempotent(true).build(),
        BodyReader.json(ServingEndpointPermissions.class), ApiResponse::body);
  }

  /**
   * Calls an external service through a Unity Catalog HTTP connection and returns the service's response body.
   * Not retried: the call may have effects on the other side.
   */
  public String httpRequest(HttpFunctionRequest request) {
    return Calls.join(httpRequestAsync(request));
  }

  /** {@link #httpRequest(HttpFunctionRequest)} without blocking. */
  public CompletableFuture<String> httpRequestAsync(HttpFunctionRequest request) {
    return Calls.async(() -> send(ApiRequest.post(EXTERNAL_FUNCTION)
            .jsonBody(Args.notNull(request, "request")).build(),
        BodyReader.string(), ApiResponse::body));
  }

  private EndpointHandle awaitReady(String name, ServingEndpoint initial) {
    return awaitReady(name, initial, EndpointHandle::isSettled);
  }

  private EndpointHandle awaitReady(String name, ServingEndpoint initial,
      java.util.function.Predicate<ServingEndpoint> done) {
    Poller<ServingEndpoint, ServingEndpoint> poller = Poller.<ServingEndpoint, ServingEndpoint>builder(db)
        .poll(() -> getEndpointAsync(name))
        .isTerminal(done)
        .result(EndpointHandle::resultOf)
        .statusOf(EndpointHandle::statusOf)
        .initialDelay(options.pollInitialDelay())
        .maxDelay(options.pollMaxDelay())
        .multiplier(options.pollMultiplier())
        .timeout(options.deploymentTimeout())
        .description("serving endpoint " + name)
        .start(initial);
    return new EndpointHandle(name, poller);
  }

  // ---- invocations -----------------------------------------------------------------------

  /** Calls a classic (MLflow) model: {@code POST /serving-endpoints/{name}/invocations}. */
  public InvocationResponse query(String name, InvocationRequest request) {
    return Calls.join(queryAsync(name, request));
  }

  /** {@link #query(String, InvocationRequest)} without blocking. */
  public CompletableFuture<InvocationResponse> queryAsync(String name, InvocationRequest request) {
    return Calls.async(() -> invoke(name, null, request, BodyReader.jsonTree(),
        r -> InvocationResponse.builder().json(r.body()).servedModelName(servedModelName(r)).build()));
  }

  /**
   * Calls one served model of an endpoint directly, bypassing the traffic split:
   * {@code POST /serving-endpoints/{name}/served-models/{servedModel}/invocations}.
   */
  public InvocationResponse query(String name, String servedModel, InvocationRequest request) {
    return Calls.join(queryAsync(name, servedModel, request));
  }

  /** {@link #query(String, String, InvocationRequest)} without blocking. */
  public CompletableFuture<InvocationResponse> queryAsync(String name, String servedModel, InvocationRequest request) {
    return Calls.async(() -> invoke(name, EndpointNames.check(servedModel, "servedModel"), request,
        BodyReader.jsonTree(),
        r -> InvocationResponse.builder().json(r.body()).servedModelName(servedModelName(r)).build()));
  }

  /**
   * Sends a chat conversation to a chat model ({@code POST /serving-endpoints/{name}/invocations})
   * and returns the whole answer, with the name of the served model that answered. Not re-sent
   * after an unclear failure.
   */
  public ChatCompletion chat(String name, ChatRequest request) {
    return Calls.join(chatAsync(name, request));
  }

  /** {@link #chat(String, ChatRequest)} without blocking. */
  public CompletableFuture<ChatCompletion> chatAsync(String name, ChatRequest request) {
    return Calls.async(() -> invoke(name, null, request, BodyReader.json(ChatCompletion.class),
        r -> r.body().withServedModelName(servedModelName(r))));
  }

  /**
   * Asks a completions model to continue a prompt and returns its choices, with the served model
   * that answered. Not re-sent after an unclear failure.
   */
  public Completion completions(String name, CompletionRequest request) {
    return Calls.join(completionsAsync(name, request));
  }

  /** {@link #completions(String, CompletionRequest)} without blocking. */
  public CompletableFuture<Completion> completionsAsync(String name, CompletionRequest request) {
    return Calls.async(() -> invoke(name, null, request, BodyReader.json(Completion.class),
        r -> r.body().withServedModelName(servedModelName(r))));
  }

  /**
   * Turns the request's inputs into embedding vectors, one per input in input order, with the
   * served model that answered.
   */
  public EmbeddingsResponse embeddings(String name, EmbeddingsRequest request) {
    return Calls.join(embeddingsAsync(name, request));
  }

  /** {@link #embeddings(String, EmbeddingsRequest)} without blocking. */
  public CompletableFuture<EmbeddingsResponse> embeddingsAsync(String name, EmbeddingsRequest request) {
    return Calls.async(() -> invoke(name, null, request, BodyReader.json(EmbeddingsResponse.class),
        r -> r.body().withServedModelName(servedModelName(r))));
  }

  /**
   * Streams the answer chunk by chunk as the model produces it. Returns once the reply headers
   * arrive; the body is read as the Stream is consumed, on the caller's thread. Always close it
   * (try-with-resources): closing before the end drops the connection. A body that stops before
   * {@code [DONE]} and before any {@code finish_reason} ends with {@link IncompleteStreamException};
   * a body silent for longer than the client's read timeout ends with a typed timeout; closing the
   * DatabricksClient ends it with {@code ClientClosedException}.
   */
  public Stream<ChatCompletionChunk> chatStream(String name, ChatRequest request) {
    checkName(name);
    Args.notNull(request, "request");
    ApiRequest call = Calls.join(invocationRequest(name, null, new StreamingChatBody(request), EVENT_STREAM));
    return ChatStreams.open(db, call, describeStream(name));
  }

  /**
   * Streams the answer to {@code onChunk}, called on the client's executor, one chunk at a time,
   * in order; no thread waits between chunks. The future completes when the stream ends, or with
   * the typed error (including one the model reports mid-stream, one {@code onChunk} throws, an
   * {@link IncompleteStreamException} for a body cut short, or {@code ClientClosedException}).
   * Cancelling it stops the stream and drops the connection.
   */
  public CompletableFuture<Void> chatStreamAsync(String name, ChatRequest request, Consumer<? super ChatCompletionChunk> onChunk) {
    return Calls.async(() -> {
      checkName(name);
      Args.notNull(request, "request");
      Args.notNull(onChunk, "onChunk");
      return Futures.compose(invocationRequest(name, null, new StreamingChatBody(request), EVENT_STREAM),
          call -> ChatStreams.consume(db, call, describeStream(name), onChunk));
    });
  }

  private static String checkName(String name) {
    return EndpointNames.check(name, "name");
  }

  private static String describeStream(String name) {
    return "the chat stream of endpoint " + name;
  }

  /**
   * Sends an invocation where the endpoint answers: the workspace path, or a route-optimized endpoint's
   * data-plane URL with its minted token. A data-plane 401 (the token was revoked or expired early) drops the
   * token and sends once more with a fresh one: the call was refused, not run.
   */
  private <T, U> CompletableFuture<U> invoke(String name, String servedModel, Object body, BodyReader<T> reader,
      Function<? super ApiResponse<T>, ? extends U> then) {
    checkName(name);
    Args.notNull(body, "request");
    return Futures.compose(invocationRequest(name, servedModel, body, null), call -> {
      CompletableFuture<U> first = send(call, reader, then);
      if (call.absoluteUri().isEmpty()) {
        return first;
      }
      return Futures.compose(first.handle((v, e) -> e), failure -> {
        if (failure == null) {
          return first;
        }
        Throwable cause = Futures.unwrap(failure);
        if (!(cause instanceof DatabricksServiceException) || ((DatabricksServiceException) cause).statusCode() != 401) {
          return first;
        }
        dataPlane.forget(name, bearerOf(call));
        return Futures.compose(invocationRequest(name, servedModel, body, null), retry -> send(retry, reader, then));
      });
    });
  }

  /** The invocation request for the endpoint's route ({@code accept} null: JSON). */
  private CompletableFuture<ApiRequest> invocationRequest(String name, String servedModel, Object body, String accept) {
    if (!options.dataPlaneRouting()) {
      return CompletableFuture.completedFuture(workspaceInvocation(name, servedModel, body, accept));
    }
    return Futures.compose(dataPlane.route(name), route -> {
      if (!route.isDataPlane()) {
        return CompletableFuture.completedFuture(workspaceInvocation(name, servedModel, body, accept));
      }
      return Futures.map(dataPlane.token(name, route), token -> {
        URI url = route.url(u -> servedModel == null ? u : servedModelUrl(u, servedModel));
        ApiRequest.Builder b = ApiRequest.absolute("POST", url)
            .header("Authorization", "Bearer " + token)
            .jsonBody(body);
        if (accept != null) {
          b.header("Accept", accept);
        }
        return b.build();
      });
    });
  }

  private static ApiRequest workspaceInvocation(String name, String servedModel, Object body, String accept) {
    ApiRequest.Builder b = servedModel == null
        ? ApiRequest.post(EndpointNames.INVOCATIONS, name)
        : ApiRequest.post(EndpointNames.SERVED_MODEL_INVOCATIONS, name, servedModel);
    if (accept != null) {
      b.header("Accept", accept);
    }
    return b.jsonBody(body).build();
  }

  /** {@code …/invocations} → {@code …/served-models/{model}/invocations} on the data-plane URL. */
  private static URI servedModelUrl(URI endpointUrl, String servedModel) {
    String text = endpointUrl.toString();
    String base = text.endsWith("/invocations") ? text.substring(0, text.length() - "/invocations".length()) : text;
    return URI.create(base + "/served-models/" + ApiRequest.segment(servedModel) + "/invocations");
  }

  private static String bearerOf(ApiRequest call) {
    String header = call.headers().getOrDefault("Authorization", "");
    return header.startsWith("Bearer ") ? header.substring(7) : header;
  }

  private static Optional<String> servedModelName(ApiResponse<?> response) {
    return response.header(SERVED_MODEL_HEADER);
  }

  private static Optional<JsonNode> parseJson(String text) {
    try {
      return Optional.of(Json.mapper().readTree(text));
    } catch (Exception notJson) {
      return Optional.empty();
    }
  }

  /** Sends and turns the answer into the result; cancelling the result cancels the call. */
  private <T, U> CompletableFuture<U> send(ApiRequest request, BodyReader<T> reader,
      Function<? super ApiResponse<T>, ? extends U> then) {
    return Futures.map(db.sendAsync(request, reader), then);
  }

  @Override
  public String toString() {
    return "ServingClient[" + db + "]";
  }
}
