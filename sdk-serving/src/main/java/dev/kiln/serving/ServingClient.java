package dev.kiln.serving;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.ApiRequest;
import dev.kiln.core.ApiResponse;
import dev.kiln.core.BodyReader;
import dev.kiln.core.DatabricksClient;
import dev.kiln.core.Futures;
import dev.kiln.core.Json;
import dev.kiln.core.Poller;
import dev.kiln.serving.internal.ChatStreams;
import dev.kiln.serving.internal.CreateEndpointBody;
import dev.kiln.serving.internal.EndpointList;
import dev.kiln.serving.internal.EndpointNames;
import dev.kiln.serving.internal.StreamingChatBody;
import dev.kiln.serving.model.ChatCompletion;
import dev.kiln.serving.model.ChatCompletionChunk;
import dev.kiln.serving.model.ChatRequest;
import dev.kiln.serving.model.Completion;
import dev.kiln.serving.model.CompletionRequest;
import dev.kiln.serving.model.CreateEndpointRequest;
import dev.kiln.serving.model.EmbeddingsRequest;
import dev.kiln.serving.model.EmbeddingsResponse;
import dev.kiln.serving.model.InvocationRequest;
import dev.kiln.serving.model.InvocationResponse;
import dev.kiln.serving.model.OpenApiDocument;
import dev.kiln.serving.model.ServingEndpoint;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Model Serving: manage serving endpoints and call the models behind them. Thread-safe; a thin
 * layer over a {@link DatabricksClient}, so create as many as convenient. Every call has an
 * {@code *Async} twin that never blocks a thread while waiting, and cancelling its future abandons
 * the HTTP call (and any retry still pending); bad input is rejected with
 * {@code InvalidRequestException} before anything is sent. Invocations are POSTs that may have
 * effects (and cost tokens), so they are never re-sent after an unclear failure.
 */
public final class ServingClient {
  private static final String ENDPOINTS = "/api/2.0/serving-endpoints";
  private static final String SERVED_MODEL_HEADER = "served-model-name";

  private final DatabricksClient db;

  private ServingClient(DatabricksClient db) {
    this.db = Objects.requireNonNull(db, "db");
  }

  public static ServingClient create(DatabricksClient db) {
    return new ServingClient(db);
  }

  // ---- endpoints -------------------------------------------------------------------------

  public List<ServingEndpoint> listEndpoints() {
    return Futures.join(listEndpointsAsync());
  }

  public CompletableFuture<List<ServingEndpoint>> listEndpointsAsync() {
    return send(() -> ApiRequest.get(ENDPOINTS).build(), BodyReader.json(EndpointList.class), r -> r.body().endpoints());
  }

  public ServingEndpoint getEndpoint(String name) {
    return Futures.join(getEndpointAsync(name));
  }

  public CompletableFuture<ServingEndpoint> getEndpointAsync(String name) {
    return send(() -> ApiRequest.get(EndpointNames.endpointPath(name)).build(), BodyReader.json(ServingEndpoint.class),
        ApiResponse::body);
  }

  /** The endpoint's OpenAPI description (how to call it), as text and parsed JSON. */
  public OpenApiDocument getOpenApi(String name) {
    return Futures.join(getOpenApiAsync(name));
  }

  public CompletableFuture<OpenApiDocument> getOpenApiAsync(String name) {
    return send(() -> ApiRequest.get(EndpointNames.endpointPath(name) + "/openapi")
            .header("Accept", "application/json, */*;q=0.8")
            .build(),
        BodyReader.string(),
        r -> OpenApiDocument.builder().text(r.body()).json(parseJson(r.body())).build());
  }

  /**
   * Creates an endpoint and returns at once with a handle that waits for it to be ready:
   * {@code serving.createEndpoint(request).await(Duration.ofMinutes(30))}.
   */
  public EndpointHandle createEndpoint(CreateEndpointRequest request) {
    return Futures.join(createEndpointAsync(request));
  }

  public CompletableFuture<EndpointHandle> createEndpointAsync(CreateEndpointRequest request) {
    return send(() -> ApiRequest.post(ENDPOINTS)
            .jsonBody(new CreateEndpointBody(Objects.requireNonNull(request, "request")))
            .build(),
        BodyReader.json(ServingEndpoint.class),
        r -> awaitReady(request.name(), r.body()));
  }

  /** A handle on an existing endpoint that waits for it to be ready (e.g. after an update). */
  public EndpointHandle waitUntilReady(String name) {
    return awaitReady(EndpointNames.check(name), null);
  }

  public void deleteEndpoint(String name) {
    Futures.join(deleteEndpointAsync(name));
  }

  public CompletableFuture<Void> deleteEndpointAsync(String name) {
    return send(() -> ApiRequest.delete(EndpointNames.endpointPath(name)).build(), BodyReader.discard(), r -> null);
  }

  private EndpointHandle awaitReady(String name, ServingEndpoint initial) {
    Poller<ServingEndpoint, ServingEndpoint> poller = Poller.<ServingEndpoint, ServingEndpoint>builder(db)
        .poll(() -> getEndpointAsync(name))
        .isTerminal(EndpointHandle::isSettled)
        .result(EndpointHandle::resultOf)
        .statusOf(EndpointHandle::statusOf)
        .initialDelay(Duration.ofSeconds(2)) // deployments take minutes: poll gently
        .maxDelay(Duration.ofSeconds(30))
        .description("serving endpoint " + name)
        .start(initial);
    return new EndpointHandle(name, poller);
  }

  // ---- invocations -----------------------------------------------------------------------

  /** Calls a classic (MLflow) model: {@code POST /serving-endpoints/{name}/invocations}. */
  public InvocationResponse query(String name, InvocationRequest request) {
    return Futures.join(queryAsync(name, request));
  }

  public CompletableFuture<InvocationResponse> queryAsync(String name, InvocationRequest request) {
    return send(() -> invocation(name, request), BodyReader.jsonTree(),
        r -> InvocationResponse.builder().json(r.body()).servedModelName(servedModelName(r)).build());
  }

  public ChatCompletion chat(String name, ChatRequest request) {
    return Futures.join(chatAsync(name, request));
  }

  public CompletableFuture<ChatCompletion> chatAsync(String name, ChatRequest request) {
    return send(() -> invocation(name, request), BodyReader.json(ChatCompletion.class),
        r -> r.body().withServedModelName(servedModelName(r)));
  }

  public Completion completions(String name, CompletionRequest request) {
    return Futures.join(completionsAsync(name, request));
  }

  public CompletableFuture<Completion> completionsAsync(String name, CompletionRequest request) {
    return send(() -> invocation(name, request), BodyReader.json(Completion.class),
        r -> r.body().withServedModelName(servedModelName(r)));
  }

  public EmbeddingsResponse embeddings(String name, EmbeddingsRequest request) {
    return Futures.join(embeddingsAsync(name, request));
  }

  public CompletableFuture<EmbeddingsResponse> embeddingsAsync(String name, EmbeddingsRequest request) {
    return send(() -> invocation(name, request), BodyReader.json(EmbeddingsResponse.class),
        r -> r.body().withServedModelName(servedModelName(r)));
  }

  /**
   * Streams the answer chunk by chunk as the model produces it. Returns once the reply headers
   * arrive; the body is read as the Stream is consumed, on the caller's thread. Always close it
   * (try-with-resources): closing before the end drops the connection.
   */
  public Stream<ChatCompletionChunk> chatStream(String name, ChatRequest request) {
    return ChatStreams.open(db, streamingInvocation(name, request), "the chat stream of endpoint " + name);
  }

  /**
   * Streams the answer to {@code onChunk}, called on the client's executor, one chunk at a time,
   * in order; no thread waits between chunks. The future completes when the stream ends, or with
   * the typed error (including one the model reports mid-stream, or one {@code onChunk} throws).
   * Cancelling it stops the stream and drops the connection.
   */
  public CompletableFuture<Void> chatStreamAsync(String name, ChatRequest request, Consumer<? super ChatCompletionChunk> onChunk) {
    return async(() -> {
      Objects.requireNonNull(onChunk, "onChunk");
      return ChatStreams.consume(db, streamingInvocation(name, request), onChunk);
    });
  }

  private static ApiRequest invocation(String name, Object body) {
    Objects.requireNonNull(body, "request");
    return ApiRequest.post(EndpointNames.invocationsPath(name))
        .jsonBody(body)
        .build();
  }

  private static ApiRequest streamingInvocation(String name, ChatRequest request) {
    Objects.requireNonNull(request, "request");
    return ApiRequest.post(EndpointNames.invocationsPath(name))
        .header("Accept", "text/event-stream")
        .jsonBody(new StreamingChatBody(request))
        .build();
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

  /**
   * Builds the request and sends it; {@code then} turns the answer into the result. Cancelling the
   * result cancels the call (a plain {@code thenApply} would leave it running).
   */
  private <T, U> CompletableFuture<U> send(Supplier<ApiRequest> request, BodyReader<T> reader,
      Function<? super ApiResponse<T>, ? extends U> then) {
    return async(() -> Futures.map(db.sendAsync(request.get(), reader), then));
  }

  /** Async methods report bad input through the future, never by throwing. */
  private static <T> CompletableFuture<T> async(Supplier<CompletableFuture<T>> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public String toString() {
    return "ServingClient[" + db + "]";
  }
}
